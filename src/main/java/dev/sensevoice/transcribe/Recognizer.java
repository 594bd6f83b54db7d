package dev.sensevoice.transcribe;

import dev.sensevoice.model.FeatureBatch;
import dev.sensevoice.model.BestPath;
import java.util.List;
import java.util.Map;

/**
 * Inference stage: the one shared model. {@link #run} is called from several threads at once.
 * Closed by {@link Stages#close()} after every worker has finished.
 */
public interface Recognizer extends AutoCloseable {
    /** Each item's best path over its valid frames, in batch order. */
    List<BestPath> run(FeatureBatch batch);

    /** The query embedding row of a language: "auto", "zh", "en", "yue", "ja" or "ko". */
    int languageRow(String language);

    /** The query embedding row of text normalisation (with or without ITN). */
    int textNormRow(boolean itn);

    /** True for dynamically quantized models: one segment per run. */
    boolean quantized();

    /**
     * The score of each language tag ("zh", "en", "yue", "ja", "ko") at the language frame (frame 0)
     * of one item's logits; used by --allowed-langs to pick the most likely allowed language.
     */
    Map<String, Float> languageScores(BestPath best);

    /**
     * One run at {@code shape} with silent features, before the first input, so ONNX Runtime sizes
     * its memory arena once for the largest batch (--warmup). A quantized model runs one item.
     */
    default void warmUp(WarmupShape shape) {
    }

    @Override
    default void close() {
    }
}
