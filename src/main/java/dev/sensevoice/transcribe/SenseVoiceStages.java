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
import dev.sensevoice.output.ModelStamp;
import dev.sensevoice.output.OutputLayout;
import dev.sensevoice.output.TranscriptFiles;
import dev.sensevoice.vad.SileroModel;
import dev.sensevoice.vad.SpeechSegmenter;
import dev.sensevoice.vad.VadMode;
import java.nio.file.Path;
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

    /** {@code warnings}: one-line notices such as a CUDA fallback; models from this process's environment. */
    public SenseVoiceStages(Consumer<String> warnings) {
        this(warnings, ModelStore.fromEnvironment(System.getenv()));
    }

    /** {@code models} says which folder {@code --model} means (it never downloads here). */
    public SenseVoiceStages(Consumer<String> warnings, ModelStore models) {
        this.warnings = warnings;
        this.models = models;
    }

    @Override
    public Stages open(TranscriptionRequest request) {
        ModelStore.Located located = models.locate(request.model().name());
        located.notice().ifPresent(warnings);
        Path dir = located.dir();
        SenseVoiceModel model = SenseVoiceModel.open(dir, modelOptions(request), warnings);
        try {
            SileroModel silero = request.segmentation().mode() == VadMode.SILERO ? SileroModel.open(null) : null;
            return stages(request, model, silero);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static Stages stages(TranscriptionRequest request, SenseVoiceModel model, SileroModel silero) {
        ModelMetadata m = model.metadata();
        FeatureExtractor features = new FeatureExtractor(m.frontend());
        CtcGreedyDecoder ctc = new CtcGreedyDecoder(model.tokens(), m.blankId());
        TagStyle style = TagStyle.valueOf(request.recognition().tags().name());
        AudioDecoder audio = AudioDecoder.withFfmpegOnPath();
        List<AutoCloseable> alsoClose = silero == null ? List.of() : List.of(silero);
        return new Stages(audio::open, new VadSegmentation(new SpeechSegmenter(request.segmentation(), silero)),
                features::extract, new ModelRecognizer(model, alsoClose),
                (logits, segment) -> styled(ctc.decode(logits, segment.startSeconds()), style),
                recognitions -> TranscriptText.join(recognitions.stream().map(Recognition::text).toList()),
                sink(request, model.info()));
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

    private static ModelOptions modelOptions(TranscriptionRequest request) {
        try {
            return ModelOptions.defaults().withThreads(request.model().threads())
                    .withDevice(DeviceRequest.parse(request.model().device().toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new SenseVoiceException(ExitCode.USAGE, "--" + e.getMessage());
        }
    }
}
