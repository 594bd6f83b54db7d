package dev.sensevoice.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import dev.sensevoice.frontend.Features;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The one SenseVoice model of a process: its ONNX Runtime session on one device, the metadata and
 * the vocabulary. {@link #run} is safe to call from several threads at once; {@link #close} only
 * after every caller of {@link #run} has finished.
 */
public final class SenseVoiceModel implements AutoCloseable {
    private final OrtSession session;
    private final ModelFlavour flavour;
    private final ModelMetadata metadata;
    private final Tokens tokens;
    private final ModelInfo info;
    private final int featureDim;
    private final int frameBucket;
    private final AtomicBoolean closed = new AtomicBoolean();
    // one pool per role: a 50 MB logits buffer must not be lent out for 1 MB of features
    private final RunBuffers featureBuffers = new RunBuffers();
    private final RunBuffers logitBuffers = new RunBuffers();
    private final OrtSession.RunOptions runOptions;

    private SenseVoiceModel(OrtSession session, OrtSession.RunOptions runOptions, ModelFlavour flavour,
                            ModelMetadata metadata, Tokens tokens, ModelInfo info, int frameBucket) {
        this.session = session;
        this.runOptions = runOptions;
        this.flavour = flavour;
        this.metadata = metadata;
        this.tokens = tokens;
        this.info = info;
        this.featureDim = metadata.cmvn().dim();
        this.frameBucket = frameBucket;
    }

    /** Opens the model in {@code dir} (see {@link #open(ModelFiles, ModelOptions, Consumer)}). */
    public static SenseVoiceModel open(Path dir, ModelOptions options, Consumer<String> warnings) {
        return open(ModelFiles.locate(dir), options, warnings);
    }

    /** Opens the model in {@code dir}, loading what {@code snapshots} plans. */
    public static SenseVoiceModel open(Path dir, ModelOptions options, SnapshotSource snapshots,
                                       Consumer<String> warnings) {
        return open(ModelFiles.locate(dir), options, snapshots, warnings);
    }

    /**
     * Checks metadata and vocabulary, then starts the session on the requested device. Warnings
     * (a CUDA fallback) go to {@code warnings}, one line each. Failures: SenseVoiceException, exit 3.
     */
    public static SenseVoiceModel open(ModelFiles files, ModelOptions options, Consumer<String> warnings) {
        return open(files, options, SnapshotSource.NONE, warnings);
    }

    /** The same, loading what {@code snapshots} plans (an optimized snapshot of the file, when it has one). */
    public static SenseVoiceModel open(ModelFiles files, ModelOptions options, SnapshotSource snapshots,
                                       Consumer<String> warnings) {
        ModelMetadata metadata = ModelMetadata.of(files);
        Tokens tokens = Tokens.read(files.tokens());
        checkVocabulary(files, metadata, tokens);
        SessionStarter.Started started = new SessionStarter(files, options, snapshots, warnings).start();
        try {
            OnnxHeader header = OnnxHeader.read(started.file());
            checkGraph(header, files.flavour(), metadata, tokens);
            ModelInfo info = new ModelInfo(name(files.dir()), started.file(), files.flavour(),
                    started.device(), header.quantized(), header.inputs(), header.outputs());
            started.sha256().ifPresent(info::knownSha256);
            // int8: padding would enter the dynamic quantization scale, so never pad beyond the item
            int bucket = header.quantized() ? 1 : options.bucketOn(started.device());
            return new SenseVoiceModel(started.session(), runOptionsFor(started.device()), files.flavour(), metadata,
                    tokens, info, bucket);
        } catch (RuntimeException e) {
            closeQuietly(started.session());
            throw e;
        }
    }

    /**
     * On CPU every run gives back the arena regions it no longer uses: runs come in many shapes,
     * and an arena that keeps every region it ever grew ends up well above what one batch of the
     * largest shape needs (docs/benchmarks.md, Memory: -70 MB on a 10-minute file with the
     * full-size fp32 network, for ~2 % of run time). CUDA sessions keep their arenas (bucketed
     * shapes, kSameAsRequested growth; see SessionStarter).
     */
    private static OrtSession.RunOptions runOptionsFor(ExecutionDevice device) {
        try {
            OrtSession.RunOptions options = new OrtSession.RunOptions();
            if (device instanceof ExecutionDevice.Cpu) {
                options.addRunConfigEntry("memory.enable_memory_arena_shrinkage", "cpu:0");
            }
            return options;
        } catch (OrtException e) {
            throw new SenseVoiceException(ExitCode.MODEL_START, "ONNX Runtime run options: " + SessionStarter.reason(e), e);
        }
    }

    /**
     * Runs one batch; returns each item's logits over its valid frames only (x_length + 4).
     * Items are padded with 0.0 to the longest (on CUDA, further to the frame bucket). A quantized model takes one item per run: its
     * dynamic quantization scale spans the whole batch, so batching would change results.
     */
    public List<Logits> run(FeatureBatch batch) {
        return run(batch, (all, offset, frames, vocab) -> {
            float[] values = new float[frames * vocab];
            all.get(offset, values);
            return new Logits(values, frames, vocab);
        });
    }

    /**
     * Runs one batch like {@link #run(FeatureBatch)} but keeps only each item's {@link BestPath},
     * read straight from ONNX Runtime's output: what the transcription pipeline passes on.
     */
    public List<BestPath> runBestPaths(FeatureBatch batch) {
        return run(batch, BestPath::of);
    }

    /** Reads one item's valid rows ({@code frames} x {@code vocab} floats at {@code offset}) of the batch's logits. */
    @FunctionalInterface
    private interface ItemReader<R> {
        R read(FloatBuffer logits, int offset, int frames, int vocab);
    }

    private <R> List<R> run(FeatureBatch batch, ItemReader<R> reader) {
        if (info.quantized() && batch.size() > 1) {
            throw new IllegalArgumentException("quantized model " + info.file().getFileName()
                    + " runs one segment at a time, not " + batch.size());
        }
        if (closed.get()) {
            throw new IllegalStateException("model " + info.name() + " is closed");
        }
        try {
            return infer(batch, reader);
        } catch (OrtException e) {
            throw new SenseVoiceException(ExitCode.SOME_FAILED, info.file() + ": inference failed: "
                    + SessionStarter.reason(e), e);
        }
    }

    /** Features in and logits out through borrowed direct buffers: ORT neither copies nor allocates them. */
    private <R> List<R> infer(FeatureBatch batch, ItemReader<R> reader) throws OrtException {
        int n = batch.size();
        int frames = bucketed(batch.maxFrames(), frameBucket);
        int vocab = tokens.size();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        int[] lengths = batch.items().stream().mapToInt(Features::frames).toArray();
        ByteBuffer in = featureBuffers.borrow((long) n * frames * featureDim * Float.BYTES);
        int outFrames = frames + BestPath.QUERY_FRAMES;
        ByteBuffer out = logitBuffers.borrow((long) n * outFrames * vocab * Float.BYTES);
        try (OnnxTensor x = OnnxTensor.createTensor(env, padded(batch, frames, in.asFloatBuffer()), new long[] {n, frames, featureDim});
             OnnxTensor xLength = OnnxTensor.createTensor(env, IntBuffer.wrap(lengths), new long[] {n});
             OnnxTensor language = OnnxTensor.createTensor(env, IntBuffer.wrap(batch.languageRows().clone()), new long[] {n});
             OnnxTensor textNorm = OnnxTensor.createTensor(env, IntBuffer.wrap(batch.textNormRows().clone()), new long[] {n});
             OnnxTensor logits = OnnxTensor.createTensor(env, out.asFloatBuffer(), new long[] {n, outFrames, vocab})) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put(flavour.features(), x);
            inputs.put(flavour.lengths(), xLength);
            inputs.put(flavour.language(), language);
            inputs.put(flavour.textNorm(), textNorm);
            session.run(inputs, Set.of(), Map.of(flavour.logits(), logits), runOptions).close();
            FloatBuffer all = out.asFloatBuffer();
            List<R> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                items.add(reader.read(all, i * outFrames * vocab, lengths[i] + BestPath.QUERY_FRAMES, vocab));
            }
            return items;
        } finally {
            featureBuffers.giveBack(in);
            logitBuffers.giveBack(out);
        }
    }

    /** {@code frames} rounded up to a multiple of {@code bucket}; padded frames are masked by x_length. */
    static int bucketed(int frames, int bucket) {
        return (frames + bucket - 1) / bucket * bucket;
    }

    /** Features of every item in one (N, T, D) buffer, zero beyond each item's frames (after CMVN). */
    private FloatBuffer padded(FeatureBatch batch, int frames, FloatBuffer values) {
        float[] zeros = new float[featureDim];
        for (int i = 0; i < batch.size(); i++) {
            Features item = batch.items().get(i);
            if (item.dim() != featureDim) {
                throw new IllegalArgumentException("features of item " + i + " have " + item.dim()
                        + " values per frame; the model takes " + featureDim);
            }
            values.put(item.values());
            for (int t = item.frames(); t < frames; t++) {
                values.put(zeros); // the buffer is reused: padding must be written, not assumed
            }
        }
        return values.flip();
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    public Tokens tokens() {
        return tokens;
    }

    /** True for dynamically quantized (int8) files: their scale spans the batch, so one segment per run. */
    public boolean quantized() {
        return info.quantized();
    }

    public ModelInfo info() {
        return info;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeQuietly(session);
            runOptions.close();
        }
    }

    private static void checkVocabulary(ModelFiles files, ModelMetadata metadata, Tokens tokens) {
        if (tokens.size() != metadata.vocabSize()) {
            throw ModelFiles.fail(files.tokens() + ": " + tokens.size() + " tokens, but the model's vocab_size is "
                    + metadata.vocabSize() + "; use the token file that came with the model");
        }
    }

    /** The file actually opened must be the same flavour, width and vocabulary as the directory. */
    private static void checkGraph(OnnxHeader header, ModelFlavour flavour, ModelMetadata metadata, Tokens tokens) {
        if (ModelFiles.flavourOf(header) != flavour) {
            throw ModelFiles.fail(header.file() + ": a " + ModelFiles.flavourOf(header).label()
                    + " export beside a " + flavour.label() + " one; keep one export per directory");
        }
        int width = header.input(flavour.features()).lastDim();
        if (width > 0 && width != metadata.cmvn().dim()) {
            throw ModelFiles.fail(header.file() + ": takes " + width + " values per frame but its CMVN has "
                    + metadata.cmvn().dim() + "; is this a SenseVoice export?");
        }
        int vocab = header.outputs().stream().filter(o -> o.name().equals(flavour.logits()))
                .mapToInt(TensorSpec::lastDim).findFirst().orElse(-1);
        if (vocab > 0 && vocab != tokens.size()) {
            throw ModelFiles.fail(header.file() + ": scores " + vocab + " tokens per frame, but the token file has "
                    + tokens.size() + "; use the token file that came with the model");
        }
    }

    private static String name(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        return absolute.getFileName() == null ? absolute.toString() : absolute.getFileName().toString();
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // Nothing useful can be done about a session that fails to close; the process is ending it.
        }
    }
}
