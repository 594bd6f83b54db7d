package dev.sensevoice.metrics;

/**
 * Samples one probe on a background thread while open and keeps the average and the peak: what a
 * benchmark reports for a whole run (RSS, VRAM), where {@link PeakSampler} keeps one peak per input.
 * A probe that never answers gives {@code null} for both.
 */
public final class UsageTrace implements AutoCloseable {
    private final MemoryProbe probe;
    private final Thread thread;
    private long sum;
    private long count;
    private Long peak;

    public UsageTrace(MemoryProbe probe, long intervalMs) {
        this.probe = probe;
        sample();
        this.thread = new Thread(() -> loop(intervalMs), "usage-trace");
        thread.setDaemon(true);
        thread.start();
    }

    /** The mean of the readings, in MiB; null when nothing was measured. */
    public synchronized Long averageMb() {
        return count == 0 ? null : Math.round(sum / (double) count);
    }

    public synchronized Long peakMb() {
        return peak;
    }

    /** Stops sampling after one last reading. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }

    private void loop(long intervalMs) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(intervalMs);
                sample();
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private void sample() {
        Long mb = probe.usedMb();
        if (mb == null) {
            return;
        }
        synchronized (this) {
            sum += mb;
            count++;
            peak = peak == null ? mb : Math.max(peak, mb);
        }
    }
}
