package dev.sensevoice.transcribe;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one run needs, validated: the inputs and the options of design Part 2, grouped by the
 * stage they configure. Build with the records' {@code defaults()} and replace what differs.
 */
public record TranscriptionRequest(
        List<InputFile> inputs,
        ModelOptions model,
        RecognitionOptions recognition,
        SegmentationOptions segmentation,
        OutputOptions output,
        Parallelism parallelism) {

    public static final Set<String> LANGUAGES = Set.of("zh", "en", "yue", "ja", "ko");

    public TranscriptionRequest {
        inputs = List.copyOf(inputs);
        check(model != null && recognition != null && segmentation != null && output != null
                && parallelism != null, "every option group must be given");
    }

    /** The given inputs with every option at its default. */
    public static TranscriptionRequest defaults(List<InputFile> inputs) {
        return new TranscriptionRequest(inputs, ModelOptions.defaults(), RecognitionOptions.defaults(),
                SegmentationOptions.defaults(), OutputOptions.defaults(), Parallelism.defaults());
    }

    public TranscriptionRequest withInputs(List<InputFile> newInputs) {
        return new TranscriptionRequest(newInputs, model, recognition, segmentation, output, parallelism);
    }

    public TranscriptionRequest withParallelism(Parallelism p) {
        return new TranscriptionRequest(inputs, model, recognition, segmentation, output, p);
    }

    public TranscriptionRequest withRecognition(RecognitionOptions r) {
        return new TranscriptionRequest(inputs, model, r, segmentation, output, parallelism);
    }

    public TranscriptionRequest withOutput(OutputOptions o) {
        return new TranscriptionRequest(inputs, model, recognition, segmentation, o, parallelism);
    }

    /**
     * Which model and where it runs. {@code name} empty = the default model; {@code device} is
     * auto, cpu, cuda or cuda:N; {@code threads} = CPU threads for inference.
     */
    public record ModelOptions(Optional<String> name, String device, int threads) {
        public ModelOptions {
            check(device.matches("auto|cpu|cuda(:\\d+)?"),
                    "device (" + device + ") must be auto, cpu, cuda or cuda:N");
            check(threads >= 1, "threads (" + threads + ") must be at least 1");
        }

        public static ModelOptions defaults() {
            return new ModelOptions(Optional.empty(), "auto", Runtime.getRuntime().availableProcessors());
        }
    }

    /** The query (language, ITN), --allowed-langs (empty = all) and the tag style of text fields. */
    public record RecognitionOptions(String language, Set<String> allowedLanguages, boolean itn, Tags tags) {
        public RecognitionOptions {
            allowedLanguages = Set.copyOf(allowedLanguages);
            check(language.equals("auto") || LANGUAGES.contains(language),
                    "lang (" + language + ") must be auto, zh, en, yue, ja or ko");
            for (String l : allowedLanguages) {
                check(LANGUAGES.contains(l), "allowed-langs: '" + l + "' must be one of zh, en, yue, ja, ko");
            }
            check(allowedLanguages.isEmpty() || language.equals("auto"),
                    "allowed-langs applies only with lang auto, not " + language);
        }

        public static RecognitionOptions defaults() {
            return new RecognitionOptions("auto", Set.of(), true, Tags.STRIP);
        }
    }

    /** --tags: clean text, FunASR's emoji post-processing, or raw text with tags. */
    public enum Tags { STRIP, EMOJI, KEEP }

    /** --vad and its tuning, the longest segment and the merge span (0 = off). */
    public record SegmentationOptions(Vad vad, double threshold, int minSpeechMs, int minSilenceMs,
            int speechPadMs, double maxSegmentS, double mergeS) {
        public SegmentationOptions {
            check(threshold > 0 && threshold < 1, "vad-threshold (" + threshold + ") must be between 0 and 1");
            check(minSpeechMs >= 0, "min-speech-ms (" + minSpeechMs + ") must not be negative");
            check(minSilenceMs >= 0, "min-silence-ms (" + minSilenceMs + ") must not be negative");
            check(speechPadMs >= 0, "speech-pad-ms (" + speechPadMs + ") must not be negative");
            check(maxSegmentS >= 1 && maxSegmentS <= 600, "max-segment-s (" + maxSegmentS + ") must be 1 to 600");
            check(mergeS >= 0, "merge-s (" + mergeS + ") must not be negative");
        }

        /** Silero's own defaults (contract §7.2) and design Part 2's 30 s / 15 s. */
        public static SegmentationOptions defaults() {
            return new SegmentationOptions(Vad.SILERO, 0.5, 250, 100, 30, 30, 15);
        }
    }

    /** --vad: Silero ONNX, an energy detector, or none (the whole input, cut at max-segment-s). */
    public enum Vad { SILERO, ENERGY, NONE }

    /** Formats, output root (empty = beside each input) and --skip-existing. */
    public record OutputOptions(List<Format> formats, Optional<Path> outputDir, boolean skipExisting) {
        public OutputOptions {
            formats = List.copyOf(formats);
            check(!formats.isEmpty(), "format: give at least one of txt, json, srt, vtt, csv");
            check(Set.copyOf(formats).size() == formats.size(), "format: " + formats + " names a format twice");
        }

        public static OutputOptions defaults() {
            return new OutputOptions(List.of(Format.TXT, Format.JSON), Optional.empty(), false);
        }
    }

    /** An output format; its lower-case name is the file extension. */
    public enum Format {
        TXT, JSON, SRT, VTT, CSV;

        public String extension() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * --batch-s and the worker counts of each pool. Inference workers share one recognizer; on CPU
     * several may help, on a GPU one worker feeds bigger batches.
     */
    public record Parallelism(double batchS, int decodeWorkers, int featureWorkers, int inferenceWorkers,
            int postWorkers) {
        public Parallelism {
            check(batchS > 0, "batch-s (" + batchS + ") must be positive");
            check(decodeWorkers >= 1 && featureWorkers >= 1 && inferenceWorkers >= 1 && postWorkers >= 1,
                    "worker counts must be at least 1");
        }

        /** Pools sized from the cores; one inference worker (it uses the intra-op threads). */
        public static Parallelism defaults() {
            int cpus = Runtime.getRuntime().availableProcessors();
            return new Parallelism(30, Math.max(1, Math.min(4, cpus / 2)), Math.max(1, cpus / 2), 1, 2);
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
