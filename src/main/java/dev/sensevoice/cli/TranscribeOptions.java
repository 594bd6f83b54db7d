package dev.sensevoice.cli;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import dev.sensevoice.output.OutputFormat;
import dev.sensevoice.transcribe.InputFile;
import dev.sensevoice.transcribe.Shard;
import dev.sensevoice.transcribe.TranscriptionRequest;
import dev.sensevoice.transcribe.TranscriptionRequest.ModelOptions;
import dev.sensevoice.transcribe.TranscriptionRequest.OutputOptions;
import dev.sensevoice.transcribe.TranscriptionRequest.RecognitionOptions;
import dev.sensevoice.transcribe.TranscriptionRequest.Tags;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import dev.sensevoice.vad.SegmenterConfig;
import dev.sensevoice.vad.VadMode;
import picocli.CommandLine.Option;

/** The options of {@code transcribe} (design Part 2), and the request they make. Flag > environment > default. */
final class TranscribeOptions {
    @Option(names = "--model", paramLabel = "NAME|DIR",
            description = "Model name (see 'sensevoice model list') or folder (env SENSEVOICE_MODEL; default: "
                    + "sensevoice-small when installed, else the bundled digits-only demo model).")
    String model;

    @Option(names = "--download",
            description = "Download the model first if it is known but not installed (env SENSEVOICE_AUTO_DOWNLOAD=1); "
                    + "without it transcribe never uses the network.")
    boolean download;

    @Option(names = "--device", paramLabel = "auto|cpu|cuda[:N]",
            description = "Where inference runs (env SENSEVOICE_DEVICE; default: auto = CUDA when an NVIDIA device is present); "
                    + "cuda:0,cuda:1 runs one session per device.")
    String device;

    @Option(names = "--gpu-mem-limit", paramLabel = "SIZE",
            description = "Cap of each CUDA device's memory arena, e.g. 6G or 4096M (default: none).")
    String gpuMemLimit;

    @Option(names = "--threads", paramLabel = "N",
            description = "CPU threads for inference, shared by the inference workers (default: all cores).")
    Integer threads;

    @Option(names = "--inference-workers", paramLabel = "N",
            description = "Model runs in flight at once on the one session, each on threads/N intra-op threads "
                    + "(default: on CPU one per thread, at most 8, those after the first starting only once "
                    + "batches queue up, with half batches and one --batch-s in flight per two workers; on GPUs "
                    + "one per device). A count given here starts all at once with full batches and no such bound.")
    Integer inferenceWorkers;

    @Option(names = "--lang", paramLabel = "auto|zh|en|yue|ja|ko", defaultValue = "auto",
            description = "Language query (default: ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = "--allowed-langs", paramLabel = "LIST", split = ",",
            description = "Under --lang auto, a segment detected outside these (e.g. zh,en) is decoded again "
                    + "with the most likely of them (default: all).")
    List<String> allowedLangs = List.of();

    @Option(names = "--itn", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Inverse text normalization: punctuation and digits (default: --itn).")
    boolean itn = true;

    @Option(names = "--tags", paramLabel = "strip|emoji|keep", defaultValue = "strip",
            description = "Text fields: clean text, FunASR's emoji post-processing, or raw with tags (default: ${DEFAULT-VALUE}).")
    String tags;

    @Option(names = "--vad", paramLabel = "silero|energy|none", defaultValue = "silero",
            description = "Speech segmenter; none = the whole input, cut only at --max-segment-s (default: ${DEFAULT-VALUE}).")
    String vad;

    @Option(names = "--vad-threshold", paramLabel = "P", defaultValue = "" + SegmenterConfig.DEFAULT_THRESHOLD,
            description = "Speech probability threshold, 0-1 (default: ${DEFAULT-VALUE}).")
    double vadThreshold;

    @Option(names = "--min-speech-ms", paramLabel = "MS", defaultValue = "" + SegmenterConfig.DEFAULT_MIN_SPEECH_MS,
            description = "Shortest speech kept (default: ${DEFAULT-VALUE}).")
    int minSpeechMs;

    @Option(names = "--min-silence-ms", paramLabel = "MS", defaultValue = "" + SegmenterConfig.DEFAULT_MIN_SILENCE_MS,
            description = "Silence that ends speech (default: ${DEFAULT-VALUE}).")
    int minSilenceMs;

    @Option(names = "--speech-pad-ms", paramLabel = "MS", defaultValue = "" + SegmenterConfig.DEFAULT_PAD_MS,
            description = "Padding added around speech (default: ${DEFAULT-VALUE}).")
    int speechPadMs;

    @Option(names = "--max-segment-s", paramLabel = "S", defaultValue = "" + SegmenterConfig.DEFAULT_MAX_SEGMENT_S,
            description = "Longest segment sent to the model, 1-600 (default: ${DEFAULT-VALUE}).")
    double maxSegmentS;

    @Option(names = "--merge-s", paramLabel = "S", defaultValue = "" + SegmenterConfig.DEFAULT_MERGE_S,
            description = "Merge neighbouring speech up to S seconds; 0 = off (default: ${DEFAULT-VALUE}).")
    double mergeS;

    @Option(names = "--batch-s", paramLabel = "S", defaultValue = "30",
            description = "A batch holds segments whose longest x count <= S seconds (S/2 with two or more default "
                    + "CPU workers); a longer segment goes alone (default: ${DEFAULT-VALUE}).")
    double batchS;

    @Option(names = {"-f", "--format"}, paramLabel = "LIST", split = ",", defaultValue = "txt,json",
            description = "Any of txt,json,srt,vtt,csv (default: ${DEFAULT-VALUE}).")
    List<String> formats;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR",
            description = "Output root; inputs keep their path relative to their argument (default: beside each input).")
    Path outputDir;

    @Option(names = {"-r", "--recursive"}, description = "Descend into folders (a folder without -r gives its direct files).")
    boolean recursive;

    @Option(names = "--skip-existing",
            description = "Skip an input whose outputs all exist and were made with the same model and options.")
    boolean skipExisting;

    @Option(names = "--overwrite", description = "Write every input's outputs again (the default).")
    boolean overwrite;

    @Option(names = "--stats", paramLabel = "FILE", description = "Per-input table, CSV or JSON by extension.")
    Path stats;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Keep inputs whose stable hash of their relative path mod N = I (0-based); auto/N takes I "
                    + "from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN.")
    String shard;

    @Option(names = "--progress", paramLabel = "auto|bar|plain|none", defaultValue = "auto",
            description = "Bar on a terminal, one line per finished input otherwise (default: ${DEFAULT-VALUE}).")
    String progress;

    @Option(names = {"-q", "--quiet"}, description = "No progress (errors and warnings still print).")
    boolean quiet;

    @Option(names = "--stdout", description = "Also print each transcript's text to stdout (otherwise stdout stays empty).")
    boolean stdout;

    @Option(names = "--no-snapshot",
            description = "Load the model file itself, not its optimized snapshot from the cache (see 'cache warm').")
    boolean noSnapshot;

    @Option(names = "--warmup",
            description = "Run the model once at the largest --batch-s shape before the first input, so memory is sized once.")
    boolean warmup;

    @Option(names = "--watch", paramLabel = "DIR",
            description = "Drop-folder mode: transcribe audio files as they arrive in DIR (once their size holds still), "
                    + "reload the model when its files change; runs until Ctrl-C or SIGTERM. No INPUT arguments.")
    Path watch;

    @Option(names = "--dry-run", description = "List the inputs that would run and their outputs, then exit.")
    boolean dryRun;

    /** The validated request; a usage error names the option at fault. */
    TranscriptionRequest request(List<InputFile> inputs, Map<String, String> env) {
        checkConflicts();
        Optional<Shard> part = Optional.ofNullable(shard).map(spec -> Shard.parse(spec, env));
        try {
            ModelOptions model = modelOptions(env);
            return new TranscriptionRequest(inputs, part, model, recognition(), segmentation(),
                    output(), parallelism(model));
        } catch (IllegalArgumentException e) {
            throw usage("--" + e.getMessage());
        }
    }

    /** --download, or SENSEVOICE_AUTO_DOWNLOAD=1. */
    boolean download(Map<String, String> env) {
        return download || "1".equals(env.get("SENSEVOICE_AUTO_DOWNLOAD"));
    }

    ConsoleReporter.Mode progressMode(boolean terminal) {
        if (quiet) {
            return ConsoleReporter.Mode.NONE;
        }
        return switch (choice("progress", progress, List.of("auto", "bar", "plain", "none"))) {
            case "bar" -> ConsoleReporter.Mode.BAR;
            case "plain" -> ConsoleReporter.Mode.PLAIN;
            case "none" -> ConsoleReporter.Mode.NONE;
            default -> terminal ? ConsoleReporter.Mode.BAR : ConsoleReporter.Mode.PLAIN;
        };
    }

    private void checkConflicts() {
        if (skipExisting && overwrite) {
            throw usage("--skip-existing and --overwrite contradict each other; give one");
        }
        if (stats != null && !stats.toString().toLowerCase(Locale.ROOT).matches(".*\\.(csv|json)")) {
            throw usage("--stats " + stats + ": the file name must end in .csv or .json");
        }
        choice("progress", progress, List.of("auto", "bar", "plain", "none"));
    }

    private ModelOptions modelOptions(Map<String, String> env) {
        Optional<String> name = Optional.ofNullable(model).or(() -> nonBlank(env.get("SENSEVOICE_MODEL")));
        String where = Optional.ofNullable(device).or(() -> nonBlank(env.get("SENSEVOICE_DEVICE"))).orElse("auto");
        int cpus = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        return new ModelOptions(name, where.toLowerCase(Locale.ROOT), cpus,
                gpuMemLimit == null ? 0 : bytes("gpu-mem-limit", gpuMemLimit));
    }

    private RecognitionOptions recognition() {
        List<String> allowed = allowedLangs.stream().map(l -> l.strip().toLowerCase(Locale.ROOT)).toList();
        Tags tagStyle = Tags.valueOf(choice("tags", tags, List.of("strip", "emoji", "keep")).toUpperCase(Locale.ROOT));
        return new RecognitionOptions(lang.toLowerCase(Locale.ROOT), new LinkedHashSet<>(allowed), itn, tagStyle);
    }

    private SegmenterConfig segmentation() {
        return new SegmenterConfig(VadMode.parse(vad), vadThreshold, minSpeechMs, minSilenceMs, speechPadMs,
                maxSegmentS, mergeS);
    }

    private OutputOptions output() {
        return new OutputOptions(OutputFormat.parseList(String.join(",", formats)), Optional.ofNullable(outputDir),
                skipExisting);
    }

    /** Batch size and inference workers are chosen by users; the other pools follow the cores. */
    private TranscriptionRequest.Parallelism parallelism(ModelOptions model) {
        TranscriptionRequest.Parallelism p = TranscriptionRequest.Parallelism.forInference(batchS, model);
        return inferenceWorkers == null ? p : p.withInferenceWorkers(inferenceWorkers);
    }

    /** "6G", "4096M", "512K" or plain bytes (binary units). */
    static long bytes(String option, String size) {
        String v = size.strip().toUpperCase(Locale.ROOT);
        int shift = v.endsWith("G") ? 30 : v.endsWith("M") ? 20 : v.endsWith("K") ? 10 : 0;
        String digits = shift == 0 ? v : v.substring(0, v.length() - 1);
        if (!digits.matches("[0-9]{1,9}")) {
            throw usage("--" + option + " " + size + ": give a size such as 6G, 4096M or a number of bytes");
        }
        return Long.parseLong(digits) << shift;
    }

    private static String choice(String option, String value, List<String> allowed) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw usage("--" + option + " " + value + ": must be one of " + String.join(", ", allowed));
        }
        return v;
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    private static SenseVoiceException usage(String message) {
        return new SenseVoiceException(ExitCode.USAGE, message);
    }
}
