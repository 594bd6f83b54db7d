package dev.sensevoice.transcribe;

import dev.sensevoice.metrics.FileStats;
import dev.sensevoice.metrics.PeakSampler;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One input in flight, and its assembler: collects recognised segments in any order and says when
 * the input is complete (its segmentation ended and every segment is recognised) or failed. Both
 * happen at most once, whichever comes first.
 */
final class FileTask {
    final InputFile input;
    final int order;
    final AtomicLong decodeNanos = new AtomicLong();
    final AtomicLong vadNanos = new AtomicLong();
    final AtomicLong featuresNanos = new AtomicLong();
    final AtomicLong inferenceNanos = new AtomicLong();
    final AtomicLong postNanos = new AtomicLong();
    private final TreeMap<Integer, SegmentResult> results = new TreeMap<>();
    private long startNanos;
    private PeakSampler.Window peaks;
    private int expected = -1;
    private double audioS;
    private boolean ended;

    FileTask(InputFile input, int order) {
        this.input = input;
        this.order = order;
    }

    synchronized void start(PeakSampler.Window window) {
        startNanos = System.nanoTime();
        peaks = window;
    }

    /** Segmentation is over: {@code count} segments, {@code seconds} of audio. True if now complete. */
    synchronized boolean segmentationEnded(int count, double seconds) {
        expected = count;
        audioS = seconds;
        return completeNow();
    }

    /** True if this result makes the input complete. */
    synchronized boolean segmentDone(int index, SegmentResult result) {
        if (ended) {
            return false;
        }
        results.put(index, result);
        return completeNow();
    }

    /** True if this is the input's end (the first failure, and it was not complete before). */
    synchronized boolean fail() {
        if (ended) {
            return false;
        }
        ended = true;
        closePeaks();
        return true;
    }

    /** True once complete or failed: stages drop this input's remaining work. */
    synchronized boolean isEnded() {
        return ended;
    }

    synchronized List<SegmentResult> segments() {
        return new ArrayList<>(results.values());
    }

    synchronized double audioS() {
        return audioS;
    }

    synchronized FileStats stats() {
        long latencyMs = ms(System.nanoTime() - startNanos);
        return new FileStats(audioS, latencyMs, ms(decodeNanos.get()), ms(vadNanos.get()),
                ms(featuresNanos.get()), ms(inferenceNanos.get()), ms(postNanos.get()),
                FileStats.realTimeFactor(latencyMs, audioS),
                peaks == null ? null : peaks.rssPeakMb(), peaks == null ? null : peaks.vramPeakMb());
    }

    private boolean completeNow() {
        if (ended || expected < 0 || results.size() < expected) {
            return false;
        }
        ended = true;
        closePeaks();
        return true;
    }

    private void closePeaks() {
        if (peaks != null) {
            peaks.close();
        }
    }

    private static long ms(long nanos) {
        return Math.round(nanos / 1e6);
    }
}
