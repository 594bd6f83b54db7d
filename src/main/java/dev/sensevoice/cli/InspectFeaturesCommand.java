package dev.sensevoice.cli;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import dev.sensevoice.frontend.CmvnSource;
import dev.sensevoice.frontend.FeatureStage;
import dev.sensevoice.frontend.Features;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sensevoice inspect features AUDIO --stage fbank|lfr|cmvn [--model DIR]}. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Print the features of a 16 kHz WAV file at one frontend stage: one frame per line,"
                + " comma-separated values with 7 significant digits.")
final class InspectFeaturesCommand implements Callable<Integer> {
    private static final int SAMPLE_RATE = 16_000;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "AUDIO", description = "16 kHz PCM WAV file (channels are averaged).")
    Path audio;

    @Option(names = "--stage", required = true, paramLabel = "STAGE",
            description = "fbank (80 log-mel values), lfr (560 stacked) or cmvn (560 normalised: what the model sees).")
    FeatureStage stage;

    @Option(names = "--model", paramLabel = "DIR", description = "Model directory; --stage cmvn reads its CMVN.")
    Path modelDir;

    private final CmvnSource cmvnSource;

    InspectFeaturesCommand() {
        this(CmvnSource.amMvnOnly());
    }

    InspectFeaturesCommand(CmvnSource cmvnSource) {
        this.cmvnSource = cmvnSource;
    }

    @Override
    public Integer call() {
        if (stage == FeatureStage.CMVN && modelDir == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--stage cmvn needs --model DIR: the normalisation comes from the model");
        }
        Features features = stage.computeUpTo(readWav(audio), () -> cmvnSource.cmvnOf(modelDir));
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

    /** 16 kHz PCM WAV to mono floats in [-1, 1]. The audio package will replace this reader. */
    static float[] readWav(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SenseVoiceException(ExitCode.SOME_FAILED, file + ": no such file; check the path");
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat format = in.getFormat();
            if (Math.round(format.getSampleRate()) != SAMPLE_RATE) {
                throw new SenseVoiceException(ExitCode.SOME_FAILED, file + ": sample rate is "
                        + Math.round(format.getSampleRate()) + " Hz; 'inspect features' reads 16 kHz WAV only"
                        + " for now, so resample it first (e.g. sox IN -r 16000 OUT.wav)");
            }
            int channels = format.getChannels();
            AudioFormat pcm16 = new AudioFormat(SAMPLE_RATE, 16, channels, true, false);
            byte[] data = AudioSystem.getAudioInputStream(pcm16, in).readAllBytes();
            return downmix(data, channels);
        } catch (UnsupportedAudioFileException | IOException | IllegalArgumentException e) {
            throw new SenseVoiceException(ExitCode.SOME_FAILED, file + ": cannot read as a PCM WAV file ("
                    + e.getMessage() + "); convert it to 16 kHz 16-bit WAV first", e);
        }
    }

    private static float[] downmix(byte[] pcm16le, int channels) {
        float[] samples = new float[pcm16le.length / (2 * channels)];
        for (int i = 0; i < samples.length; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                int at = 2 * (i * channels + c);
                sum += (short) ((pcm16le[at] & 0xff) | (pcm16le[at + 1] << 8));
            }
            samples[i] = sum / (32768f * channels);
        }
        return samples;
    }
}
