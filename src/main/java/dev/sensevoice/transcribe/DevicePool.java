package dev.sensevoice.transcribe;

import dev.sensevoice.model.FeatureBatch;
import dev.sensevoice.model.BestPath;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Several devices behind one {@link Recognizer} (--device cuda:0,cuda:1): each run takes a free
 * device's model and gives it back after, so the inference workers (one per device) share the one
 * batcher and no device runs two batches at once. Query rows and scores come from the first: every
 * device runs the same model file.
 */
final class DevicePool implements Recognizer {
    private final List<Recognizer> all;
    private final BlockingQueue<Recognizer> free;

    DevicePool(List<Recognizer> recognizers) {
        this.all = List.copyOf(recognizers);
        this.free = new ArrayBlockingQueue<>(all.size(), false, all);
    }

    @Override
    public List<BestPath> run(FeatureBatch batch) {
        Recognizer r;
        try {
            r = free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a free device", e);
        }
        try {
            return r.run(batch);
        } finally {
            free.add(r);
        }
    }

    @Override
    public int languageRow(String language) {
        return all.get(0).languageRow(language);
    }

    @Override
    public int textNormRow(boolean itn) {
        return all.get(0).textNormRow(itn);
    }

    @Override
    public boolean quantized() {
        return all.get(0).quantized();
    }

    @Override
    public Map<String, Float> languageScores(BestPath best) {
        return all.get(0).languageScores(best);
    }

    @Override
    public void close() {
        all.forEach(Recognizer::close);
    }
}
