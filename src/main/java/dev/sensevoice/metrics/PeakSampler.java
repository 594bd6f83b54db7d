package dev.sensevoice.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples RSS (every interval) and VRAM (every fourth interval: nvidia-smi is a process start) on a
 * background thread, and keeps, for each open {@link Window} (one per input in flight), the highest
 * readings seen while it was open. Opening and closing a window uses the latest readings, so no
 * probe runs on the pipeline's threads.
 */
public final class PeakSampler implements AutoCloseable {
    private static final int VRAM_EVERY = 4;
    private final MemoryProbe rss;
    private final MemoryProbe vram;
    private final Set<Window> open = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile Long lastRss;
    private volatile Long lastVram;

    public PeakSampler(MemoryProbe rss, MemoryProbe vram, long intervalMs) {
        this.rss = rss;
        this.vram = vram;
        this.lastRss = rss.usedMb();
        this.lastVram = vram.usedMb();
        this.thread = new Thread(() -> loop(intervalMs), "peak-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Opens a window (an input starts): it sees the latest reading and every sample until closed. */
    public Window open() {
        Window w = new Window();
        w.record(lastRss, lastVram);
        open.add(w);
        return w;
    }

    @Override
    public void close() {
        thread.interrupt();
    }

    private void loop(long intervalMs) {
        try {
            for (long tick = 1; !Thread.currentThread().isInterrupted(); tick++) {
                Thread.sleep(intervalMs);
                lastRss = rss.usedMb();
                if (tick % VRAM_EVERY == 0) {
                    lastVram = vram.usedMb();
                }
                open.forEach(w -> w.record(lastRss, lastVram));
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** The peaks while one input was in flight. */
    public final class Window {
        private Long rssPeak;
        private Long vramPeak;

        synchronized void record(Long rssMb, Long vramMb) {
            rssPeak = max(rssPeak, rssMb);
            vramPeak = max(vramPeak, vramMb);
        }

        /** Takes the latest reading and stops sampling this window. */
        public void close() {
            record(lastRss, lastVram);
            open.remove(this);
        }

        public synchronized Long rssPeakMb() {
            return rssPeak;
        }

        public synchronized Long vramPeakMb() {
            return vramPeak;
        }

        private static Long max(Long a, Long b) {
            return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
        }
    }
}
