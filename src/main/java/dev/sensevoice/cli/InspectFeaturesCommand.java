package dev.sensevoice.cli;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import dev.sensevoice.audio.AudioDecoder;
import dev.sensevoice.audio.AudioException;
import dev.sensevoice.audio.SampleSource;
import dev.sensevoice.frontend.FeatureStage;
import dev.sensevoice.frontend.Features;
import dev.sensevoice.model.ModelMetadata;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sensevoice inspect features AUDIO --stage fbank|lfr|cmvn [--model DIR]}. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Print the features of an audio file (decoded and resampled to 16 kHz mono as transcribe does) at one frontend stage: one frame per line,"
                + " comma-separated values with 7 significant digits.")
final class InspectFeaturesCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "AUDIO", description = "Audio file (any format transcribe reads; channels are averaged).")
    Path audio;

    @Option(names = "--stage", required = true, paramLabel = "STAGE",
            description = "fbank (80 log-mel values), lfr (560 stacked) or cmvn (560 normalised: what the model sees).")
    FeatureStage stage;

    @Option(names = "--model", paramLabel = "DIR", description = "Model directory; --stage cmvn reads its CMVN.")
    Path modelDir;

    @Override
    public Integer call() {
        if (stage == FeatureStage.CMVN && modelDir == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--stage cmvn needs --model DIR: the normalisation comes from the model");
        }
        Features features = stage.computeUpTo(readAudio(audio), () -> ModelMetadata.load(modelDir).cmvn());
        print(features, spec.commandLine().getOut());
        return ExitCode.OK.code();
    }

    private static void print(Features features, PrintWriter out) {
        StringBuilder line = new StringBuilder();
        for (int f = 0; f < features.frames(); f++) {
            line.setLength(0);
            for (int d = 0; d < features.dim(); d++) {
                line.append(d == 0 ? "" : ",").append(sevenDigits(features.get(f, d)));
            }
            out.println(line);
        }
        out.flush();
    }

    /** Like C's {@code %.7g}: 7 significant digits, trailing zeros dropped. */
    static String sevenDigits(float value) {
        String s = String.format(Locale.ROOT, "%.7g", value);
        int exp = s.indexOf('e');
        String mantissa = exp < 0 ? s : s.substring(0, exp);
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return exp < 0 ? mantissa : mantissa + s.substring(exp);
    }

    /** Any audio file the pipeline reads, as 16 kHz mono floats in [-1, 1]. */
    static float[] readAudio(Path file) {
        try (SampleSource source = AudioDecoder.withFfmpegOnPath().open(file)) {
            return source.readRemaining();
        } catch (AudioException e) {
            throw new SenseVoiceException(ExitCode.SOME_FAILED, e.getMessage(), e);
        } catch (IOException e) {
            throw new SenseVoiceException(ExitCode.SOME_FAILED, file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
