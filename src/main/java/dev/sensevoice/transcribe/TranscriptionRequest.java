package dev.sensevoice.transcribe;

import dev.sensevoice.model.GpuProbe;
import dev.sensevoice.output.OutputFormat;
import dev.sensevoice.vad.SegmenterConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one run needs, validated: the inputs and the options of design Part 2, grouped by the
 * stage they configure. Build with the records' {@code defaults()} and replace what differs.
 *
 * <p>{@code inputs} are all the inputs found; {@code shard} picks the ones this process runs
 * ({@link #selected()}). The output layout is planned from all of them, so that every shard agrees
 * on names when two inputs would collide.
 */
public record TranscriptionRequest(
        List<InputFile> inputs,
        Optional<Shard> shard,
        ModelOptions model,
        RecognitionOptions recognition,
        SegmenterConfig segmentation,
        OutputOptions output,
        Parallelism parallelism) {

    public static final Set<String> LANGUAGES = Set.of("zh", "en", "yue", "ja", "ko");

    public TranscriptionRequest {
        inputs = List.copyOf(inputs);
        check(shard != null && model != null && recognition != null && segmentation != null && output != null
                && parallelism != null, "every option group must be given");
    }

    /** The given inputs with every option at its default. */
    public static TranscriptionRequest defaults(List<InputFile> inputs) {
        return new TranscriptionRequest(inputs, Optional.empty(), ModelOptions.defaults(),
                RecognitionOptions.defaults(), SegmenterConfig.defaults(), OutputOptions.defaults(),
                Parallelism.defaults());
    }

    /** The inputs this process runs: all of them, or its shard's. */
    public List<InputFile> selected() {
        return shard.map(s -> s.apply(inputs)).orElse(inputs);
    }

    public TranscriptionRequest withShard(Optional<Shard> newShard) {
        return new TranscriptionRequest(inputs, newShard, model, recognition, segmentation, output, parallelism);
    }

    public TranscriptionRequest withModel(ModelOptions m) {
        return new TranscriptionRequest(inputs, shard, m, recognition, segmentation, output, parallelism);
    }

    public TranscriptionRequest withSegmentation(SegmenterConfig s) {
        return new TranscriptionRequest(inputs, shard, model, recognition, s, output, parallelism);
    }

    public TranscriptionRequest withParallelism(Parallelism p) {
        return new TranscriptionRequest(inputs, shard, model, recognition, segmentation, output, p);
    }

    public TranscriptionRequest withRecognition(RecognitionOptions r) {
        return new TranscriptionRequest(inputs, shard, model, r, segmentation, output, parallelism);
    }

    public TranscriptionRequest withOutput(OutputOptions o) {
        return new TranscriptionRequest(inputs, shard, model, recognition, segmentation, o, parallelism);
    }

    /**
     * Which model and where it runs. {@code name} empty = the default model; {@code device} is
     * auto, cpu, cuda, cuda:N or a list of CUDA devices (cuda:0,cuda:1: one session and inference
     * worker each); {@code threads} = CPU threads for inference; {@code gpuMemLimitBytes} caps each
     * CUDA arena (0 = no cap).
     */
    public record ModelOptions(Optional<String> name, String device, int threads, long gpuMemLimitBytes) {
        public ModelOptions {
            check(device.matches("auto|cpu|cuda(:\\d+)?|cuda:\\d+(,cuda:\\d+)+"),
                    "device (" + device + ") must be auto, cpu, cuda, cuda:N or a list cuda:0,cuda:1");
            String[] each = device.split(",");
            check(Arrays.stream(each).distinct().count() == each.length,
                    "device (" + device + ") names a device twice");
            check(threads >= 1, "threads (" + threads + ") must be at least 1");
            check(gpuMemLimitBytes >= 0, "gpu-mem-limit (" + gpuMemLimitBytes + ") must not be negative");
        }

        public ModelOptions(Optional<String> name, String device, int threads) {
            this(name, device, threads, 0);
        }

        public static ModelOptions defaults() {
            return new ModelOptions(Optional.empty(), "auto", Runtime.getRuntime().availableProcessors());
        }

        /** The devices one by one: one entry, or each CUDA device of a list. */
        public List<String> devices() {
            return List.of(device.split(","));
        }

        /** cpu, or auto on a machine without an NVIDIA device: where the inference defaults differ. */
        public boolean onCpu() {
            return device.equals("cpu") || device.equals("auto") && !GpuProbe.driver().nvidiaDevicePresent();
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

    /** --tags: clean text, FunASR's emoji post-processing, or raw text with tags (decode.TagStyle by name). */
    public enum Tags { STRIP, EMOJI, KEEP }

    /** Formats, output root (empty = beside each input) and --skip-existing. */
    public record OutputOptions(Set<OutputFormat> formats, Optional<Path> outputDir, boolean skipExisting) {
        public OutputOptions {
            check(!formats.isEmpty(), "format: give at least one of txt, json, srt, vtt, csv");
            formats = Collections.unmodifiableSet(EnumSet.copyOf(formats));
        }

        public static OutputOptions defaults() {
            return new OutputOptions(EnumSet.of(OutputFormat.TXT, OutputFormat.JSON), Optional.empty(), false);
        }
    }

    /**
     * --batch-s and the worker counts of each pool. Inference workers share one recognizer and
     * split the inference threads between them ({@link #intraOpThreads}).
     *
     * @param sparesOnDemand inference workers after the first start only once batches queue up
     *                       (pipeline.SpareWorkers); false when the user chose the count
     * @param boundInFlight CPU workers share the batches' memory ({@link #inFlightCap}, {@link #batchLimit}),
     *                       so that a long recording needs no more than a short one; false when the
     *                       user chose the count, and on GPUs (one worker per device)
     */
    public record Parallelism(double batchS, int decodeWorkers, int featureWorkers, int inferenceWorkers,
            int postWorkers, boolean sparesOnDemand, boolean boundInFlight) {
        /** Default CPU inference workers at most (measured only up to 2; more cores get more intra-op threads). */
        public static final int MAX_CPU_WORKERS = 8;

        public Parallelism {
            check(batchS > 0, "batch-s (" + batchS + ") must be positive");
            check(decodeWorkers >= 1 && featureWorkers >= 1 && inferenceWorkers >= 1 && postWorkers >= 1,
                    "worker counts must be at least 1");
        }

        public Parallelism(double batchS, int decodeWorkers, int featureWorkers, int inferenceWorkers, int postWorkers) {
            this(batchS, decodeWorkers, featureWorkers, inferenceWorkers, postWorkers, true, true);
        }

        /** Pools sized from the cores; one inference worker (it uses the intra-op threads). */
        public static Parallelism defaults() {
            int cpus = Runtime.getRuntime().availableProcessors();
            return new Parallelism(30, Math.max(1, Math.min(4, cpus / 2)), Math.max(1, cpus / 2), 1, 2);
        }

        /**
         * The defaults for {@code threads} inference threads: on CPU one worker per thread, each
         * session.run on one intra-op thread (ORT's intra-op threads scale poorly on this encoder:
         * two runs side by side beat one run on two threads, see docs/benchmarks.md); on GPUs one
         * worker per device, which keeps each device busy with bigger batches. CPU workers are capped
         * at {@link #MAX_CPU_WORKERS}: each run in flight holds its own activations and logits.
         */
        public static Parallelism forInference(double batchS, ModelOptions model) {
            Parallelism d = defaults();
            int workers = model.onCpu() ? Math.min(MAX_CPU_WORKERS, model.threads()) : model.devices().size();
            return new Parallelism(batchS, d.decodeWorkers(), d.featureWorkers(), workers, d.postWorkers(),
                    true, model.onCpu());
        }

        /** {@code workers} inference workers, all started at once: the count was asked for. */
        public Parallelism withInferenceWorkers(int workers) {
            return new Parallelism(batchS, decodeWorkers, featureWorkers, workers, postWorkers, false, false);
        }

        /**
         * Padded seconds (longest × count) that the runs in flight may hold together: one batch of
         * --batch-s per two workers when bound, none otherwise. Two one-thread runs side by side
         * beat one two-thread run (docs/benchmarks.md), but each holds its own activations and
         * logits: two full thirty-second runs made a long recording need 24 % more memory than a
         * 30 s file on the full-size int8 network, one batch between them 7 %.
         */
        public double inFlightCap() {
            return boundInFlight ? batchS * Math.max(1, inferenceWorkers / 2) : Double.POSITIVE_INFINITY;
        }

        /**
         * The batcher's longest × count: --batch-s, or half of it when bound workers pair up, so
         * that two batches fit under {@link #inFlightCap} side by side (a longer segment goes alone).
         */
        public double batchLimit() {
            return boundInFlight && inferenceWorkers > 1 ? batchS / 2 : batchS;
        }

        /** The session's intra-op threads: the inference threads shared among the workers. */
        public int intraOpThreads(int threads) {
            return Math.max(1, threads / inferenceWorkers);
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
