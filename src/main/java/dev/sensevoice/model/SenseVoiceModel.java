package dev.sensevoice.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import dev.sensevoice.frontend.Features;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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

    private SenseVoiceModel(OrtSession session, ModelFlavour flavour, ModelMetadata metadata,
                            Tokens tokens, ModelInfo info, int frameBucket) {
        this.session = session;
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
            return new SenseVoiceModel(started.session(), files.flavour(), metadata, tokens, info, bucket);
        } catch (RuntimeException e) {
            closeQuietly(started.session());
            throw e;
        }
    }

    /**
     * Runs one batch; returns each item's logits over its valid frames only (x_length + 4).
     * Items are padded with 0.0 to the longest (on CUDA, further to the frame bucket). A quantized model takes one item per run: its
     * dynamic quantization scale spans the whole batch, so batching would change results.
     */
    public List<Logits> run(FeatureBatch batch) {
        if (info.quantized() && batch.size() > 1) {
            throw new IllegalArgumentException("quantized model " + info.file().getFileName()
                    + " runs one segment at a time, not " + batch.size());
        }
        if (closed.get()) {
            throw new IllegalStateException("model " + info.name() + " is closed");
        }
        try {
            return infer(batch);
        } catch (OrtException e) {
            throw new SenseVoiceException(ExitCode.SOME_FAILED, info.file() + ": inference failed: "
                    + SessionStarter.reason(e), e);
        }
    }

    private List<Logits> infer(FeatureBatch batch) throws OrtException {
        int n = batch.size();
        int frames = bucketed(batch.maxFrames(), frameBucket);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        int[] lengths = batch.items().stream().mapToInt(Features::frames).toArray();
        try (OnnxTensor x = OnnxTensor.createTensor(env, padded(batch, frames), new long[] {n, frames, featureDim});
             OnnxTensor xLength = OnnxTensor.createTensor(env, IntBuffer.wrap(lengths), new long[] {n});
             OnnxTensor language = OnnxTensor.createTensor(env, IntBuffer.wrap(batch.languageRows().clone()), new long[] {n});
             OnnxTensor textNorm = OnnxTensor.createTensor(env, IntBuffer.wrap(batch.textNormRows().clone()), new long[] {n})) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put(flavour.features(), x);
            inputs.put(flavour.lengths(), xLength);
            inputs.put(flavour.language(), language);
            inputs.put(flavour.textNorm(), textNorm);
            try (OrtSession.Result result = session.run(inputs, Set.of(flavour.logits()))) {
                OnnxValue value = result.get(flavour.logits()).orElseThrow();
                return split((OnnxTensor) value, lengths, frames + 4);
            }
        }
    }

    /** {@code frames} rounded up to a multiple of {@code bucket}; padded frames are masked by x_length. */
    static int bucketed(int frames, int bucket) {
        return (frames + bucket - 1) / bucket * bucket;
    }

    /** Features of every item in one (N, T, D) buffer, zero beyond each item's frames (after CMVN). */
    private FloatBuffer padded(FeatureBatch batch, int frames) {
        float[] values = new float[batch.size() * frames * featureDim];
        for (int i = 0; i < batch.size(); i++) {
            Features item = batch.items().get(i);
            if (item.dim() != featureDim) {
                throw new IllegalArgumentException("features of item " + i + " have " + item.dim()
                        + " values per frame; the model takes " + featureDim);
            }
            System.arraycopy(item.values(), 0, values, i * frames * featureDim, item.values().length);
        }
        return FloatBuffer.wrap(values);
    }

    /** Copies out each item's first x_length + 4 frames. */
    private List<Logits> split(OnnxTensor tensor, int[] lengths, int paddedFrames) {
        long[] shape = tensor.getInfo().getShape();
        int vocab = tokens.size();
        if (shape.length != 3 || shape[0] != lengths.length || shape[1] != paddedFrames || shape[2] != vocab) {
            throw new SenseVoiceException(ExitCode.SOME_FAILED, info.file() + ": logits of shape "
                    + Arrays.toString(shape) + ", expected [" + lengths.length + ", "
                    + paddedFrames + ", " + vocab + "]");
        }
        FloatBuffer all = tensor.getFloatBuffer();
        List<Logits> out = new ArrayList<>(lengths.length);
        for (int i = 0; i < lengths.length; i++) {
            float[] values = new float[(lengths[i] + 4) * vocab];
            all.get(i * paddedFrames * vocab, values);
            out.add(new Logits(values, lengths[i] + 4, vocab));
        }
        return out;
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
