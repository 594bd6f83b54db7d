package dev.sensevoice.transcribe;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import dev.sensevoice.audio.AudioDecoder;
import dev.sensevoice.cache.ModelStore;
import dev.sensevoice.decode.CtcGreedyDecoder;
import dev.sensevoice.decode.Recognition;
import dev.sensevoice.decode.TagStyle;
import dev.sensevoice.decode.TranscriptText;
import dev.sensevoice.frontend.FeatureExtractor;
import dev.sensevoice.model.DeviceRequest;
import dev.sensevoice.model.ModelInfo;
import dev.sensevoice.model.ModelMetadata;
import dev.sensevoice.model.ModelOptions;
import dev.sensevoice.model.SenseVoiceModel;
import dev.sensevoice.model.SnapshotSource;
import dev.sensevoice.output.ModelStamp;
import dev.sensevoice.output.OutputLayout;
import dev.sensevoice.output.TranscriptFiles;
import dev.sensevoice.vad.SileroModel;
import dev.sensevoice.vad.SpeechSegmenter;
import dev.sensevoice.vad.VadMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The real stages: audio decoder, speech segmenter (Silero, energy or none), feature extractor,
 * the SenseVoice model, CTC decoding with the requested tag style, and the output writers. The
 * model is loaded once here; {@link Stages#close()} closes it (and Silero) after the run.
 */
public final class SenseVoiceStages implements StageFactory {
    private final Consumer<String> warnings;
    private final ModelStore models;
    private final SnapshotSource snapshots;

    /** {@code warnings}: one-line notices such as a CUDA fallback; models from this process's environment. */
    public SenseVoiceStages(Consumer<String> warnings) {
        this(warnings, ModelStore.fromEnvironment(System.getenv()), SnapshotSource.NONE);
    }

    /** {@code models} says which folder {@code --model} means (it never downloads here). */
    public SenseVoiceStages(Consumer<String> warnings, ModelStore models) {
        this(warnings, models, SnapshotSource.NONE);
    }

    /** Loading what {@code snapshots} plans (an optimized snapshot, when there is one). */
    public SenseVoiceStages(Consumer<String> warnings, SnapshotSource snapshots) {
        this(warnings, ModelStore.fromEnvironment(System.getenv()), snapshots);
    }

    public SenseVoiceStages(Consumer<String> warnings, ModelStore models, SnapshotSource snapshots) {
        this.warnings = warnings;
        this.models = models;
        this.snapshots = snapshots;
    }

    @Override
    public Stages open(TranscriptionRequest request) {
        ModelStore.Located located = models.locate(request.model().name());
        located.notice().ifPresent(warnings);
        Path dir = located.dir();
        List<SenseVoiceModel> sessions = new ArrayList<>();
        try {
            for (String device : request.model().devices()) {
                sessions.add(SenseVoiceModel.open(dir, modelOptions(request, device), snapshots, warnings));
            }
            SileroModel silero = request.segmentation().mode() == VadMode.SILERO ? SileroModel.open(null) : null;
            return stages(request, sessions, silero);
        } catch (RuntimeException e) {
            sessions.forEach(SenseVoiceModel::close);
            throw e;
        }
    }

    private static Stages stages(TranscriptionRequest request, List<SenseVoiceModel> models, SileroModel silero) {
        SenseVoiceModel model = models.get(0);
        ModelMetadata m = model.metadata();
        FeatureExtractor features = new FeatureExtractor(m.frontend());
        CtcGreedyDecoder ctc = new CtcGreedyDecoder(model.tokens(), m.blankId());
        TagStyle style = TagStyle.valueOf(request.recognition().tags().name());
        AudioDecoder audio = AudioDecoder.withFfmpegOnPath();
        List<AutoCloseable> alsoClose = silero == null ? List.of() : List.of(silero);
        return new Stages(audio::open, new VadSegmentation(new SpeechSegmenter(request.segmentation(), silero)),
                features::extract, recognizer(models, alsoClose),
                (best, segment) -> styled(ctc.decode(best, segment.startSeconds()), style),
                recognitions -> TranscriptText.join(recognitions.stream().map(Recognition::text).toList()),
                sink(request, model.info()));
    }

    /** One device: its model; several: a pool that runs each batch on whichever device is free. */
    private static Recognizer recognizer(List<SenseVoiceModel> models, List<AutoCloseable> alsoClose) {
        if (models.size() == 1) {
            return new ModelRecognizer(models.get(0), alsoClose);
        }
        List<Recognizer> each = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            each.add(new ModelRecognizer(models.get(i), i == 0 ? alsoClose : List.of()));
        }
        return new DevicePool(each);
    }

    /** The recognition with {@code text} in the requested tag style ({@code raw} keeps the tags). */
    static Recognition styled(Recognition r, TagStyle style) {
        return new Recognition(r.language(), r.emotion(), r.event(), r.itn(), style.apply(r), r.raw(), r.tokens());
    }

    private static TranscriptSink sink(TranscriptionRequest request, ModelInfo info) {
        OutputLayout layout = OutputLayout.plan(request.inputs(), request.output().formats(),
                request.output().outputDir().orElse(null));
        ModelStamp stamp = new ModelStamp(info.name(), info.file().getFileName().toString(), info.sha256(),
                info.device().label());
        return new OutputSink(new TranscriptFiles(layout), stamp, OutputSink.options(request));
    }

    private static ModelOptions modelOptions(TranscriptionRequest request, String device) {
        try {
            return ModelOptions.defaults()
                    .withThreads(request.parallelism().intraOpThreads(request.model().threads()))
                    .withGpuMemLimit(request.model().gpuMemLimitBytes())
                    .withDevice(DeviceRequest.parse(device.toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new SenseVoiceException(ExitCode.USAGE, "--" + e.getMessage());
        }
    }
}
