package dev.sensevoice.transcribe;

import dev.sensevoice.decode.Recognition;
import dev.sensevoice.metrics.PeakSampler;
import dev.sensevoice.metrics.RunStats;
import dev.sensevoice.model.FeatureBatch;
import dev.sensevoice.model.BestPath;
import dev.sensevoice.pipeline.Batcher;
import dev.sensevoice.pipeline.Channel;
import dev.sensevoice.pipeline.Emitter;
import dev.sensevoice.pipeline.FailurePolicy;
import dev.sensevoice.pipeline.InFlightLimit;
import dev.sensevoice.pipeline.Pipeline;
import dev.sensevoice.pipeline.PipelineFailedException;
import dev.sensevoice.pipeline.SpareWorkers;
import dev.sensevoice.transcribe.Items.FeaturedSegment;
import dev.sensevoice.transcribe.Items.RecognizedSegment;
import dev.sensevoice.transcribe.Items.SegmentJob;
import dev.sensevoice.transcribe.TranscriptionRequest.Parallelism;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** One run of {@link BatchTranscriber}: builds the pipeline, runs it, gathers the outcomes. */
final class TranscriptionRun {
    /** Pending segments the batcher sorts by length at once (see {@link Batcher}). */
    private static final int BATCH_WINDOW = 32;
    /**
     * ... and at most this many batches' worth of audio (the batcher's limit each): the queues are
     * bounded in seconds as well as in segments, so thirty-second segments (--vad none, long speech)
     * hold no more memory than short ones. Enough to keep every inference worker fed.
     */
    private static final double WINDOW_BATCHES = 2;

    private final TranscriptionRequest request;
    private final Stages stages;
    private final TranscriptionListener listener;
    private final PeakSampler sampler;
    private final List<InputFile> inputs;
    private final AtomicReferenceArray<FileOutcome> outcomes;
    private final Recognizing recognizing;
    private final long startNanos = System.nanoTime();
    private final Channel<FileTask> completed = new Channel<>("completed", 4);
    private final InFlightLimit inFlight;
    private final Batcher<FeaturedSegment> batcher;

    TranscriptionRun(TranscriptionRequest request, Stages stages, TranscriptionListener listener,
            PeakSampler sampler) {
        this.request = request;
        this.stages = stages;
        this.listener = listener;
        this.sampler = sampler;
        this.inputs = request.selected();
        this.outcomes = new AtomicReferenceArray<>(inputs.size());
        this.recognizing = new Recognizing(request.recognition(), stages);
        Parallelism p = request.parallelism();
        this.inFlight = new InFlightLimit(p.inFlightCap()); // unbound: an infinite cap
        this.batcher = new Batcher<>(FeaturedSegment::seconds, p.batchLimit(),
                stages.recognizer().quantized() ? 1 : Integer.MAX_VALUE, BATCH_WINDOW, window(p));
    }

    TranscriptionSummary run(Cancellation cancellation) throws InterruptedException {
        listener.runStarted(inputs.size());
        Pipeline pipeline = build();
        cancellation.attach(pipeline::stopSources, pipeline::cancel);
        Optional<String> stoppedBy = Optional.empty();
        try {
            pipeline.start();
            pipeline.await();
        } catch (PipelineFailedException e) {
            stoppedBy = Optional.of(e.getMessage());
        } finally {
            cancellation.detach();
        }
        return summary(cancellation, stoppedBy);
    }

    private Pipeline build() {
        Parallelism p = request.parallelism();
        Channel<FileTask> inputs = new Channel<>("inputs", p.decodeWorkers());
        Channel<SegmentJob> segments = Channel.weighted("segments", 2 * p.featureWorkers() + 2,
                SegmentJob::seconds, window(p) / 2);
        Channel<FeaturedSegment> features = Channel.weighted("features", 2 * BATCH_WINDOW,
                FeaturedSegment::seconds, window(p));
        // Weighed as the model sees them (padded): thirty-second int8 segments queue no deeper than a
        // window of short ones; two batches waiting are what calls the spare workers in.
        Channel<List<FeaturedSegment>> batches = Channel.weighted("batches", p.inferenceWorkers() + 1,
                batcher::padded, window(p));
        // Items are best paths (a few KB); post-processing is fast unless --allowed-langs decodes again.
        Channel<RecognizedSegment> recognized = new Channel<>("recognized", 2 * p.postWorkers() + 2);
        return new Pipeline("transcribe")
                .source("intake", inputs, this::intake)
                .stage("decode", p.decodeWorkers(), inputs, segments, this::segmentInput,
                        FailurePolicy.<FileTask>skipItem((f, e) -> failed(f, e)))
                .stage("features", p.featureWorkers(), segments, features, this::computeFeatures,
                        FailurePolicy.<SegmentJob>skipItem((s, e) -> failed(s.file(), e)))
                .loop("batcher", batches, out -> batcher.run(features, out))
                .stage("inference", p.inferenceWorkers(), batches, recognized, this::infer,
                        FailurePolicy.stopRun(), p.sparesOnDemand()
                                ? new SpareWorkers(SpareWorkers.DEFAULT_BACKLOG) : SpareWorkers.none())
                .stage("post", p.postWorkers(), recognized, completed, this::postProcess,
                        FailurePolicy.<RecognizedSegment>skipItem((r, e) -> failed(r.item().file(), e)))
                .sink("write", 1, completed, this::write,
                        FailurePolicy.<FileTask>skipItem((f, e) -> writeFailed(f, e)));
    }

    /** Seconds of audio the features queue and the batcher's window each hold at most. */
    private static double window(Parallelism p) {
        return WINDOW_BATCHES * p.batchLimit();
    }

    /** Feeds inputs in order; inputs whose outputs are up to date are skipped here. */
    private void intake(Emitter<FileTask> out) throws InterruptedException {
        for (int i = 0; i < inputs.size(); i++) {
            InputFile input = inputs.get(i);
            if (request.output().skipExisting() && stages.sink().upToDate(input)) {
                record(i, FileOutcome.skipped(input));
                listener.fileSkipped(outcomes.get(i));
            } else {
                out.emit(new FileTask(input, i));
            }
        }
    }

    private void segmentInput(FileTask file, Emitter<SegmentJob> out) throws Exception {
        listener.fileStarted(file.input);
        file.start(sampler.open());
        Segmenting.Segmented result = Segmenting.run(stages, file, out);
        if (file.segmentationEnded(result.count(), result.seconds())) {
            completed.put(file); // silent, or its last segment was recognised before this end
        }
    }

    private void computeFeatures(SegmentJob job, Emitter<FeaturedSegment> out) throws InterruptedException {
        if (job.file().isEnded()) {
            return;
        }
        long t0 = System.nanoTime();
        var features = stages.features().compute(job.audio().samples());
        job.file().featuresNanos.addAndGet(System.nanoTime() - t0);
        out.emit(new FeaturedSegment(job.file(), job.index(), job.audio().segment(), features));
    }

    private void infer(List<FeaturedSegment> batch, Emitter<RecognizedSegment> out) throws InterruptedException {
        List<FeaturedSegment> live = batch.stream().filter(s -> !s.file().isEnded()).toList();
        if (live.isEmpty()) {
            return;
        }
        List<BestPath> paths = inFlight.run(batcher.padded(live), () -> {
            long t0 = System.nanoTime();
            List<BestPath> result = stages.recognizer().run(recognizing.batchOf(live));
            recognizing.shareTime(live, System.nanoTime() - t0);
            return result;
        });
        if (paths.size() != live.size()) {
            throw new IllegalStateException("model returned " + paths.size() + " results for a batch of " + live.size());
        }
        for (int i = 0; i < live.size(); i++) {
            out.emit(new RecognizedSegment(live.get(i), paths.get(i)));
        }
    }

    private void postProcess(RecognizedSegment r, Emitter<FileTask> out) throws InterruptedException {
        FileTask file = r.item().file();
        if (file.isEnded()) {
            return;
        }
        long t0 = System.nanoTime();
        Recognizing.Decoded decoded = recognizing.decode(r);
        file.inferenceNanos.addAndGet(decoded.rerunNanos());
        file.postNanos.addAndGet(System.nanoTime() - t0 - decoded.rerunNanos());
        Recognition recognition = decoded.recognition();
        listener.audioRecognized(file.input, r.item().seconds());
        if (file.segmentDone(r.item().index(), new SegmentResult(r.item().segment(), recognition))) {
            out.emit(file);
        }
    }

    private void write(FileTask file, Emitter<Void> unused) throws Exception {
        List<SegmentResult> segments = file.segments();
        List<Recognition> recognitions = segments.stream().map(SegmentResult::recognition).toList();
        FileTranscript transcript = new FileTranscript(file.input, file.audioS(),
                Recognizing.mainLanguage(segments), stages.text().join(recognitions), segments, file.stats());
        stages.sink().write(transcript);
        record(file.order, FileOutcome.ok(transcript));
        listener.fileFinished(transcript);
    }

    private void failed(FileTask file, Exception e) {
        if (file.fail()) {
            fileFailed(file, Failures.describe(e));
        }
    }

    private void writeFailed(FileTask file, Exception e) {
        fileFailed(file, "cannot write outputs (" + Failures.describe(e) + "); check the output folder");
    }

    private void fileFailed(FileTask file, String why) {
        record(file.order, FileOutcome.failed(file.input, file.input.shownAs() + ": " + why));
        listener.fileFailed(outcomes.get(file.order));
    }

    private void record(int order, FileOutcome outcome) {
        outcomes.compareAndSet(order, null, outcome);
    }

    private TranscriptionSummary summary(Cancellation cancellation, Optional<String> stoppedBy) {
        String unfinished = stoppedBy.map(s -> "not finished: the run stopped (" + s + ")")
                .orElse("not finished: interrupted");
        List<FileOutcome> files = new ArrayList<>();
        for (int i = 0; i < outcomes.length(); i++) {
            FileOutcome o = outcomes.get(i);
            files.add(o != null ? o : FileOutcome.failed(inputs.get(i), inputs.get(i).shownAs() + ": " + unfinished));
        }
        return new TranscriptionSummary(files, runStats(files), cancellation.reason(), stoppedBy);
    }

    private RunStats runStats(List<FileOutcome> files) {
        long wallMs = Math.round((System.nanoTime() - startNanos) / 1e6);
        double audioS = files.stream().filter(f -> f.stats() != null && f.stats().audioS() != null)
                .mapToDouble(f -> f.stats().audioS()).sum();
        int ok = count(files, FileOutcome.Status.OK);
        int failed = count(files, FileOutcome.Status.FAILED);
        return new RunStats(files.size(), ok, failed, count(files, FileOutcome.Status.SKIPPED), audioS, wallMs,
                RunStats.rtf(wallMs, audioS));
    }

    private static int count(List<FileOutcome> files, FileOutcome.Status status) {
        return (int) files.stream().filter(f -> f.status() == status).count();
    }
}
