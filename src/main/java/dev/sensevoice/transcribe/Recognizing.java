package dev.sensevoice.transcribe;

import dev.sensevoice.decode.Recognition;
import dev.sensevoice.model.FeatureBatch;
import dev.sensevoice.model.BestPath;
import dev.sensevoice.transcribe.Items.FeaturedSegment;
import dev.sensevoice.transcribe.Items.RecognizedSegment;
import dev.sensevoice.transcribe.TranscriptionRequest.RecognitionOptions;
import dev.sensevoice.vad.SpeechSegment;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recognition rules of a run: each batch's query rows, each input's share of a batch's time,
 * decoding, and --allowed-langs (a segment detected outside the set, under auto, is run again
 * alone with the most likely allowed language forced).
 */
final class Recognizing {
    private final RecognitionOptions options;
    private final Stages stages;
    private final int languageRow;
    private final int textNormRow;

    Recognizing(RecognitionOptions options, Stages stages) {
        this.options = options;
        this.stages = stages;
        this.languageRow = stages.recognizer().languageRow(options.language());
        this.textNormRow = stages.recognizer().textNormRow(options.itn());
    }

    /** A recognition and the time spent running the model again for it (0 when not re-run). */
    record Decoded(Recognition recognition, long rerunNanos) {
    }

    FeatureBatch batchOf(List<FeaturedSegment> items) {
        int[] languages = new int[items.size()];
        int[] textNorms = new int[items.size()];
        Arrays.fill(languages, languageRow);
        Arrays.fill(textNorms, textNormRow);
        return new FeatureBatch(items.stream().map(FeaturedSegment::features).toList(), languages, textNorms);
    }

    /** Gives each item's input its share of the batch's time, by valid frames. */
    void shareTime(List<FeaturedSegment> items, long nanos) {
        long frames = items.stream().mapToLong(s -> s.features().frames()).sum();
        for (FeaturedSegment s : items) {
            double share = frames > 0 ? s.features().frames() / (double) frames : 1.0 / items.size();
            s.file().inferenceNanos.addAndGet(Math.round(nanos * share));
        }
    }

    Decoded decode(RecognizedSegment r) {
        Recognition first = stages.decoder().decode(r.best(), r.item().segment());
        String forced = allowedInstead(first, r.best());
        if (forced == null) {
            return new Decoded(first, 0);
        }
        long t0 = System.nanoTime();
        FeatureBatch alone = new FeatureBatch(List.of(r.item().features()),
                new int[] {stages.recognizer().languageRow(forced)}, new int[] {textNormRow});
        BestPath again = stages.recognizer().run(alone).get(0);
        long rerun = System.nanoTime() - t0;
        return new Decoded(stages.decoder().decode(again, r.item().segment()), rerun);
    }

    /** The allowed language to force, or null when the detected one is fine (or not speech). */
    private String allowedInstead(Recognition recognition, BestPath best) {
        String detected = recognition.language();
        if (options.allowedLanguages().isEmpty() || options.allowedLanguages().contains(detected)
                || !TranscriptionRequest.LANGUAGES.contains(detected)) {
            return null;
        }
        Map<String, Float> scores = stages.recognizer().languageScores(best);
        return options.allowedLanguages().stream()
                .max(Comparator.comparingDouble((String l) -> scores.getOrDefault(l, Float.NEGATIVE_INFINITY))
                        .thenComparing(Comparator.reverseOrder()))
                .orElseThrow();
    }

    /** The language with most speech (ties: the one heard first); empty when none (silent input). */
    static String mainLanguage(List<SegmentResult> segments) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (SegmentResult s : segments) {
            String language = s.recognition().language();
            if (TranscriptionRequest.LANGUAGES.contains(language)) {
                seconds.merge(language, s.segment().length() / (double) SpeechSegment.SAMPLE_RATE, Double::sum);
            }
        }
        String best = "";
        double most = -1;
        for (Map.Entry<String, Double> e : seconds.entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }
}
