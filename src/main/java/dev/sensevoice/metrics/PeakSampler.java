package dev.sensevoice.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples RSS and VRAM on a background thread and keeps, for each open {@link Window} (one per
 * input in flight), the highest readings seen while it was open.
 */
public final class PeakSampler implements AutoCloseable {
    private final MemoryProbe rss;
    private final MemoryProbe vram;
    private final Set<Window> open = ConcurrentHashMap.newKeySet();
    private final Thread thread;

    public PeakSampler(MemoryProbe rss, MemoryProbe vram, long intervalMs) {
        this.rss = rss;
        this.vram = vram;
        this.thread = new Thread(() -> loop(intervalMs), "peak-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Opens a window (an input starts); it sees a reading at once and at every sample until closed. */
    public Window open() {
        Window w = new Window();
        w.record(rss.usedMb(), vram.usedMb());
        open.add(w);
        return w;
    }

    @Override
    public void close() {
        thread.interrupt();
    }

    private void loop(long intervalMs) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(intervalMs);
                if (!open.isEmpty()) {
                    Long r = rss.usedMb();
                    Long v = vram.usedMb();
                    open.forEach(w -> w.record(r, v));
                }
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

        /** Takes a last reading and stops sampling this window. */
        public void close() {
            record(rss.usedMb(), vram.usedMb());
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
