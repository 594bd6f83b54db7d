package dev.sensevoice.bench;

import dev.sensevoice.frontend.Features;
import dev.sensevoice.model.FeatureBatch;
import dev.sensevoice.model.BestPath;
import dev.sensevoice.transcribe.Recognizer;
import java.util.List;
import java.util.Map;

/**
 * A {@link Recognizer} that times the real one: how long at least one model run was in flight
 * (busy wall time: the figure the pipeline's overhead is measured against when several workers run
 * at once), the summed time of every run, and how many of the frames sent were padding.
 */
final class TimedRecognizer implements Recognizer {
    private final Recognizer inner;
    private int active;
    private long busySince;
    private long busyNanos;
    private long runNanos;
    private long batches;
    private long items;
    private long validFrames;
    private long sentFrames;

    TimedRecognizer(Recognizer inner) {
        this.inner = inner;
    }

    /** What the runs so far cost. */
    record Totals(long batches, long items, long busyMs, long runMs, double paddingRatio) {
    }

    @Override
    public List<BestPath> run(FeatureBatch batch) {
        long t0 = enter(batch);
        try {
            return inner.run(batch);
        } finally {
            leave(t0);
        }
    }

    synchronized Totals totals() {
        double padding = sentFrames == 0 ? 0 : 1.0 - validFrames / (double) sentFrames;
        return new Totals(batches, items, Math.round(busyNanos / 1e6), Math.round(runNanos / 1e6), padding);
    }

    private synchronized long enter(FeatureBatch batch) {
        long now = System.nanoTime();
        if (active++ == 0) {
            busySince = now;
        }
        batches++;
        items += batch.size();
        validFrames += batch.items().stream().mapToLong(Features::frames).sum();
        sentFrames += (long) batch.size() * batch.maxFrames();
        return now;
    }

    private synchronized void leave(long t0) {
        long now = System.nanoTime();
        runNanos += now - t0;
        if (--active == 0) {
            busyNanos += now - busySince;
        }
    }

    @Override
    public int languageRow(String language) {
        return inner.languageRow(language);
    }

    @Override
    public int textNormRow(boolean itn) {
        return inner.textNormRow(itn);
    }

    @Override
    public boolean quantized() {
        return inner.quantized();
    }

    @Override
    public Map<String, Float> languageScores(BestPath best) {
        return inner.languageScores(best);
    }

    @Override
    public void close() {
        inner.close();
    }
}
