package dev.sensevoice.bench;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import dev.sensevoice.metrics.MemoryProbe;
import dev.sensevoice.metrics.UsageTrace;
import dev.sensevoice.output.OutputFormat;
import dev.sensevoice.transcribe.BatchTranscriber;
import dev.sensevoice.transcribe.FileOutcome;
import dev.sensevoice.transcribe.InputFile;
import dev.sensevoice.transcribe.StageFactory;
import dev.sensevoice.transcribe.Stages;
import dev.sensevoice.transcribe.TranscriptionListener;
import dev.sensevoice.transcribe.TranscriptionRequest;
import dev.sensevoice.transcribe.TranscriptionRequest.ModelOptions;
import dev.sensevoice.transcribe.TranscriptionRequest.OutputOptions;
import dev.sensevoice.transcribe.TranscriptionRequest.Parallelism;
import dev.sensevoice.transcribe.TranscriptionSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a {@link BenchPlan} through the real pipeline ({@link BatchTranscriber} over the stages the
 * factory opens): per configuration, the model is loaded (timed), run once to warm up, then run
 * {@code repeat} times. The recognizer is wrapped to time the model runs and count padding.
 */
public final class BenchRunner {
    private final StageFactory factory;
    private final MemoryProbe rss;
    private final Function<String, MemoryProbe> vram;
    private final Consumer<String> progress;

    /** {@code vram}: the probe for a device (auto, cpu, cuda:N); {@code progress}: one line per configuration. */
    public BenchRunner(StageFactory factory, MemoryProbe rss, Function<String, MemoryProbe> vram,
            Consumer<String> progress) {
        this.factory = factory;
        this.rss = rss;
        this.vram = vram;
        this.progress = progress;
    }

    /** One configuration of the grid. {@code workers} empty = the default for the device. */
    record Config(String device, int threads, Optional<Integer> workers, double batchS, Path audio) {
    }

    /** Measures every configuration; synthesized audio and transcripts go under {@code workDir}. */
    public List<BenchRow> run(BenchPlan plan, Path workDir) throws IOException, InterruptedException {
        List<Path> audio = plan.audio().isEmpty() ? synthesize(plan.lengthsS(), workDir) : plan.audio();
        List<BenchRow> rows = new ArrayList<>();
        for (Config c : configs(plan, audio)) {
            progress.accept("bench: " + c.device() + ", " + c.threads() + " threads, "
                    + c.workers().map(w -> w + " workers, ").orElse("") + "batch-s " + c.batchS() + ", "
                    + c.audio().getFileName());
            rows.add(measure(c, plan, workDir.resolve("out")));
        }
        return rows;
    }

    private static List<Path> synthesize(List<Double> lengths, Path dir) throws IOException, InterruptedException {
        SpeechAudio speech = new SpeechAudio(dir);
        List<Path> files = new ArrayList<>();
        for (double seconds : lengths) {
            files.add(speech.make(seconds));
        }
        return files;
    }

    static List<Config> configs(BenchPlan plan, List<Path> audio) {
        List<Optional<Integer>> workers = plan.inferenceWorkers().isEmpty() ? List.of(Optional.empty())
                : plan.inferenceWorkers().stream().map(Optional::of).toList();
        List<Config> configs = new ArrayList<>();
        for (String device : plan.devices()) {
            for (int threads : plan.threads()) {
                for (Optional<Integer> w : workers) {
                    for (double batchS : plan.batchS()) {
                        for (Path a : audio) {
                            configs.add(new Config(device, threads, w, batchS, a));
                        }
                    }
                }
            }
        }
        return configs;
    }

    private BenchRow measure(Config c, BenchPlan plan, Path outDir) throws InterruptedException {
        TranscriptionRequest request = request(c, plan.model(), outDir);
        long t0 = System.nanoTime();
        List<RunFigures> runs = new ArrayList<>();
        try (Stages stages = factory.open(request)) {
            long loadMs = Math.round((System.nanoTime() - t0) / 1e6);
            once(stages, request, c.device()); // warm-up: JIT, ORT's first-run allocations
            for (int i = 0; i < plan.repeat(); i++) {
                runs.add(once(stages, request, c.device()));
            }
            return RunFigures.row(c, request.parallelism().inferenceWorkers(), loadMs, runs);
        }
    }

    static TranscriptionRequest request(Config c, Optional<String> model, Path outDir) {
        ModelOptions m = new ModelOptions(model, c.device(), c.threads());
        Parallelism p = Parallelism.forInference(c.batchS(), m);
        return TranscriptionRequest.defaults(List.of(InputFile.named(c.audio())))
                .withModel(m)
                .withParallelism(c.workers().map(p::withInferenceWorkers).orElse(p))
                .withOutput(new OutputOptions(EnumSet.of(OutputFormat.TXT), Optional.of(outDir), false));
    }

    private RunFigures once(Stages stages, TranscriptionRequest request, String device) throws InterruptedException {
        TimedRecognizer timed = new TimedRecognizer(stages.recognizer());
        Stages measured = new Stages(stages.audio(), stages.segmentation(), stages.features(), timed,
                stages.decoder(), stages.text(), stages.sink());
        TranscriptionSummary summary;
        UsageTrace rssTrace = new UsageTrace(rss, 100);
        UsageTrace vramTrace = new UsageTrace(vram.apply(device), 500);
        try (rssTrace; vramTrace) {
            summary = new BatchTranscriber(measured).run(request, TranscriptionListener.NONE);
        }
        failIfNotDone(summary);
        return RunFigures.of(summary, timed.totals(), rssTrace, vramTrace);
    }

    private static void failIfNotDone(TranscriptionSummary summary) {
        if (summary.allDone()) {
            return;
        }
        String why = summary.stoppedBy().orElseGet(() -> summary.files().stream()
                .filter(f -> f.status() == FileOutcome.Status.FAILED).map(FileOutcome::error)
                .findFirst().orElse("interrupted"));
        throw new SenseVoiceException(ExitCode.SOME_FAILED, "bench: a run failed: " + why);
    }
}
