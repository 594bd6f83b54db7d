package dev.sensevoice.transcribe;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import dev.sensevoice.metrics.MemoryProbe;
import dev.sensevoice.metrics.RunStats;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * {@code transcribe --watch DIR}: a drop folder. Every poll it takes the audio files that have
 * settled ({@link DropFolder}) and runs them as one {@link BatchTranscriber} run. When the model's
 * files change on disk and then hold still for the settle time, new stages are built beside the
 * old ones on {@code reloader}, warmed up, and swapped in between runs ({@link LiveStages}); the
 * old session closes when the run using it has finished. A model that fails to load is reported
 * and the old one stays. Stops when the cancellation is asked to (SIGINT/SIGTERM).
 */
public final class FolderWatch {
    private final Path dir;
    private final Path modelDir;
    private final StageFactory factory;
    private final Settings settings;
    private final Ticker ticker;
    private final Executor reloader;
    private final Consumer<String> notices;
    private final MemoryProbe rss;
    private final MemoryProbe vram;
    private final List<FileOutcome> outcomes = new ArrayList<>();
    private volatile ModelFingerprint loaded;
    private volatile ModelFingerprint refused;
    private ModelFingerprint candidate;
    private long candidateSince;
    private CompletableFuture<Void> reloading = CompletableFuture.completedFuture(null);
    private int reloads;
    private long busyMs;

    /** Poll interval, and how long a file (or the model folder) must hold still before it is taken. */
    public record Settings(Duration poll, Duration settle) {
        public static Settings defaults() {
            return new Settings(Duration.ofMillis(500), Duration.ofSeconds(1));
        }
    }

    /** The clock and the wait between polls (tests drive both). */
    public interface Ticker {
        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanos() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration d) throws InterruptedException {
                Thread.sleep(d.toMillis());
            }
        };

        long nanos();

        void sleep(Duration d) throws InterruptedException;
    }

    /** {@code notices}: one line per reload (or refused reload); per-file progress goes to each run's listener. */
    public FolderWatch(Path dir, Path modelDir, StageFactory factory, Settings settings, Ticker ticker,
            Executor reloader, Consumer<String> notices, MemoryProbe rss, MemoryProbe vram) {
        this.dir = dir;
        this.modelDir = modelDir;
        this.factory = factory;
        this.settings = settings;
        this.ticker = ticker;
        this.reloader = reloader;
        this.notices = notices;
        this.rss = rss;
        this.vram = vram;
    }

    /** Watches until {@code cancellation} is asked to stop; the summary holds every file taken. */
    public TranscriptionSummary run(TranscriptionRequest request, TranscriptionListener listener,
            Cancellation cancellation) throws InterruptedException {
        loaded = ModelFingerprint.of(modelDir);
        try (LiveStages live = new LiveStages(warm(factory.open(request), request))) {
            Session session = new Session(request, listener, cancellation, live, new DropFolder(dir,
                    settings.settle().toNanos()));
            while (cancellation.reason().isEmpty()) {
                session.step();
                ticker.sleep(settings.poll());
            }
            reloading.join();
        }
        return summary(cancellation);
    }

    /** Reloads that replaced the model so far. */
    public synchronized int reloads() {
        return reloads;
    }

    /** One watch: the request to repeat, where outcomes are reported, the stages in service. */
    final class Session {
        private final TranscriptionRequest request;
        private final TranscriptionListener listener;
        private final Cancellation cancellation;
        private final LiveStages live;
        private final DropFolder folder;

        Session(TranscriptionRequest request, TranscriptionListener listener, Cancellation cancellation,
                LiveStages live, DropFolder folder) {
            this.request = request;
            this.listener = listener;
            this.cancellation = cancellation;
            this.live = live;
            this.folder = folder;
        }

        /** One poll: maybe start a reload, then run the files that settled. */
        void step() throws InterruptedException {
            long now = ticker.nanos();
            checkModel(now, this);
            List<Path> ready;
            try {
                ready = folder.settled(now);
            } catch (IOException e) {
                throw new SenseVoiceException(ExitCode.SOME_FAILED, dir + ": cannot list the watched folder ("
                        + e.getMessage() + "); was it removed?", e);
            }
            if (!ready.isEmpty()) {
                transcribe(ready);
            }
        }

        private void transcribe(List<Path> files) throws InterruptedException {
            List<InputFile> inputs = files.stream()
                    .map(f -> new InputFile(f, dir, dir.relativize(f).toString())).toList();
            TranscriptionRequest batch = new TranscriptionRequest(inputs, Optional.empty(), request.model(),
                    request.recognition(), request.segmentation(), request.output(), request.parallelism());
            try (LiveStages.Lease lease = live.acquire()) {
                Stages s = lease.stages();
                Stages forBatch = new Stages(s.audio(), s.segmentation(), s.features(), s.recognizer(), s.decoder(),
                        s.text(), s.sink().forInputs(batch));
                TranscriptionSummary summary = new BatchTranscriber(forBatch, rss, vram).run(batch, listener, cancellation);
                summary.stoppedBy().ifPresent(why -> notices.accept("a run stopped (" + why + "); watching goes on"));
                synchronized (FolderWatch.this) {
                    outcomes.addAll(summary.files());
                    busyMs += summary.run().wallMs();
                }
            }
        }
    }

    /** A changed model folder that has held still for the settle time is reloaded, once per change. */
    private void checkModel(long now, Session session) {
        ModelFingerprint seen = ModelFingerprint.of(modelDir);
        if (!seen.equals(candidate)) {
            candidate = seen;
            candidateSince = now;
            return;
        }
        boolean settled = now - candidateSince >= settings.settle().toNanos();
        if (settled && !seen.equals(loaded) && !seen.equals(refused) && reloading.isDone()) {
            reloading = CompletableFuture.runAsync(() -> reload(seen, session), reloader);
        }
    }

    /** Builds and warms the new stages beside the old ones, then swaps them in. */
    private void reload(ModelFingerprint seen, Session session) {
        Stages next;
        try {
            next = warm(factory.open(session.request), session.request);
        } catch (RuntimeException e) {
            refused = seen;
            notices.accept("the model in " + modelDir + " changed but cannot be loaded (" + e.getMessage()
                    + "); still using the previous one");
            return;
        }
        session.live.replace(next);
        loaded = seen;
        synchronized (this) {
            reloads++;
        }
        notices.accept("model reloaded from " + modelDir);
    }

    /** One run at the largest batch shape, so the arena is sized before the first file. */
    private static Stages warm(Stages stages, TranscriptionRequest request) {
        try {
            stages.recognizer().warmUp(WarmupShape.largest(request));
            return stages;
        } catch (RuntimeException e) {
            stages.close();
            throw e;
        }
    }

    /** Totals over the runs; wall time is the time spent running files, not the time spent waiting for them. */
    private synchronized TranscriptionSummary summary(Cancellation cancellation) {
        long wallMs = busyMs;
        int ok = (int) outcomes.stream().filter(o -> o.status() == FileOutcome.Status.OK).count();
        int failed = (int) outcomes.stream().filter(o -> o.status() == FileOutcome.Status.FAILED).count();
        double audio = outcomes.stream().filter(o -> o.stats() != null).filter(o -> o.stats().audioS() != null).mapToDouble(o -> o.stats().audioS()).sum();
        RunStats run = new RunStats(outcomes.size(), ok, failed, outcomes.size() - ok - failed, audio, wallMs,
                RunStats.rtf(wallMs, audio));
        return new TranscriptionSummary(outcomes, run, cancellation.reason(), Optional.empty());
    }
}
