package dev.sensevoice.transcribe;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import dev.sensevoice.model.FeatureBatch;
import dev.sensevoice.model.BestPath;
import dev.sensevoice.model.ModelMetadata;
import dev.sensevoice.model.SenseVoiceModel;
import dev.sensevoice.model.Tokens;
import dev.sensevoice.frontend.Features;
import dev.sensevoice.frontend.FrontendConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Recognizer} over the real {@link SenseVoiceModel}: query rows from its metadata,
 * language scores from the language tags' logits at frame 0 (tags looked up by string in the
 * vocabulary, contract §3). Closing it closes the model and what was handed over with it.
 */
public final class ModelRecognizer implements Recognizer {
    private final SenseVoiceModel model;
    private final ModelMetadata metadata;
    private final Map<String, Integer> languageTagIds;
    private final List<AutoCloseable> alsoClose;

    public ModelRecognizer(SenseVoiceModel model) {
        this(model, List.of());
    }

    /** {@code alsoClose}: resources of the same run closed with the model (the Silero session). */
    public ModelRecognizer(SenseVoiceModel model, List<AutoCloseable> alsoClose) {
        this.model = model;
        this.metadata = model.metadata();
        this.languageTagIds = languageTagIds(model.tokens());
        this.alsoClose = List.copyOf(alsoClose);
    }

    @Override
    public List<BestPath> run(FeatureBatch batch) {
        return model.runBestPaths(batch);
    }

    @Override
    public int languageRow(String language) {
        Integer row = metadata.languageRows().get(language);
        if (row == null) {
            throw new SenseVoiceException(ExitCode.MODEL_START, "the model has no query row for language '"
                    + language + "'; use one of " + metadata.languageRows().keySet());
        }
        return row;
    }

    @Override
    public int textNormRow(boolean itn) {
        return itn ? metadata.withItnRow() : metadata.withoutItnRow();
    }

    @Override
    public boolean quantized() {
        return model.quantized();
    }

    @Override
    public Map<String, Float> languageScores(BestPath best) {
        return scores(languageTagIds, best);
    }

    @Override
    public void warmUp(WarmupShape shape) {
        int items = model.quantized() ? 1 : shape.items();
        FrontendConfig frontend = metadata.frontend();
        int samples = (int) Math.round(shape.seconds() * 16000);
        int frames = frontend.lfr().outputFrames(Math.max(1, 1 + (samples - 400) / 160));
        List<Features> silent = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            silent.add(new Features(new float[frames * frontend.featureDim()], frames, frontend.featureDim()));
        }
        int[] languages = new int[items];
        int[] norms = new int[items];
        Arrays.fill(languages, languageRow("auto"));
        Arrays.fill(norms, textNormRow(true));
        model.runBestPaths(new FeatureBatch(silent, languages, norms));
    }

    @Override
    public void close() {
        for (AutoCloseable resource : alsoClose) {
            try {
                resource.close();
            } catch (Exception e) {
                // closing after the run: nothing left to protect
            }
        }
        model.close();
    }

    /** Vocabulary ids of {@code <|zh|>}, {@code <|en|>}, ... for the languages the vocabulary has. */
    static Map<String, Integer> languageTagIds(Tokens tokens) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (String language : List.of("zh", "en", "yue", "ja", "ko")) {
            tokens.id("<|" + language + "|>").ifPresent(id -> ids.put(language, id));
        }
        return ids;
    }

    /** Each language tag's raw score at frame 0, the frame that predicts the language. */
    static Map<String, Float> scores(Map<String, Integer> tagIds, BestPath best) {
        Map<String, Float> scores = new LinkedHashMap<>();
        tagIds.forEach((language, id) -> scores.put(language, best.queryScore(0, id)));
        return scores;
    }
}
