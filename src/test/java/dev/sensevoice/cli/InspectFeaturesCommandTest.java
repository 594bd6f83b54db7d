package dev.sensevoice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sensevoice.SenseVoiceException;
import dev.sensevoice.frontend.Cmvn;
import dev.sensevoice.frontend.Lfr;
import dev.sensevoice.model.ModelMetadata;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import dev.sensevoice.frontend.Fbank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code features} through picocli with captured writers, against the frontend goldens. */
class InspectFeaturesCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new InspectFeaturesCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler((ex, c, pr) -> {
            c.getErr().println(ex.getMessage());
            return ((SenseVoiceException) ex).exitCode().code();
        });
        return cl.execute(args);
    }

    @Test
    void printsFbankFramesThatMatchTheTorchaudioGolden() throws IOException {
        Path wav = copy("short.wav");

        assertEquals(0, run(wav.toString(), "--stage", "fbank"), err.toString());

        assertMatches(golden("short.fbank.f32"), 80, out.toString());
    }

    @Test
    void printsCmvnFramesWithTheModelDirectorysAmMvn() throws IOException {
        Path wav = copy("short.wav");
        Path model = funasrModelWith(resource("fixture.am.mvn"));

        assertEquals(0, run(wav.toString(), "--stage", "cmvn", "--model", model.toString()), err.toString());

        assertMatches(golden("short.cmvn.f32"), 560, out.toString());
    }

    @Test
    void lfrStageStacksSevenFbankFrames() throws IOException {
        Path wav = copy("short.wav");
        assertEquals(0, run(wav.toString(), "--stage", "lfr"));
        List<String> lines = out.toString().lines().toList();
        float[] fbank = golden("short.fbank.f32");

        assertEquals(5, lines.size());
        String[] first = lines.get(0).split(",");
        assertEquals(560, first.length);
        // Output frame 0 is frames [0,0,0,0,1,2,3]: its 5th block is fbank frame 1.
        assertEquals(fbank[80], Float.parseFloat(first[4 * 80]), 1e-3);
    }

    @Test
    void cmvnWithoutModelIsAUsageError() throws IOException {
        assertEquals(2, run(copy("short.wav").toString(), "--stage", "cmvn"));
        assertTrue(err.toString().contains("--stage cmvn needs --model DIR"), err.toString());
    }

    @Test
    void sherpaModelsGiveTheirCmvnFromOnnxMetadata() throws IOException {
        Path sherpa = Path.of("src/test/resources/models/test-sherpa");
        assertEquals(0, run(copy("short.wav").toString(), "--stage", "cmvn", "--model", sherpa.toString()),
                err.toString());
        Cmvn cmvn = ModelMetadata.load(sherpa).cmvn();
        String[] first = out.toString().lines().findFirst().orElseThrow().split(",");
        float[] lfr0 = Lfr.SENSE_VOICE.apply(Fbank.forNormalizeSamples(false).compute(
                InspectFeaturesCommand.readAudio(dir.resolve("short.wav")))).values();

        assertEquals(560, first.length);
        assertEquals((lfr0[0] + cmvn.negMean()[0]) * cmvn.invStddev()[0], Float.parseFloat(first[0]), 1e-4);
    }

    @Test
    void aDirectoryThatIsNoModelIsNamed() throws IOException {
        assertEquals(3, run(copy("short.wav").toString(), "--stage", "cmvn", "--model", dir.toString()));
        assertTrue(err.toString().startsWith(dir.toString()), err.toString());
    }

    @Test
    void otherSampleRatesAreResampledLikeTranscribeDoes() throws IOException {
        Path wav = writeWav("cd.wav", new short[44_100], 44_100, 1);

        assertEquals(0, run(wav.toString(), "--stage", "fbank"), err.toString());
        assertEquals(Fbank.frameCount(16_000), out.toString().lines().count());
    }

    @Test
    void missingAudioIsNamed() {
        assertEquals(1, run(dir.resolve("nope.wav").toString(), "--stage", "fbank"));
        assertTrue(err.toString().startsWith(dir.resolve("nope.wav") + ": file not found"), err.toString());
    }

    @Test
    void stereoIsAveragedToMono() throws IOException {
        short[] interleaved = new short[2 * 800];
        for (int i = 0; i < 800; i++) {
            interleaved[2 * i] = (short) (i * 7 % 2000 - 1000);
            interleaved[2 * i + 1] = (short) -(i * 7 % 2000 - 1000);
        }
        float[] samples = InspectFeaturesCommand.readAudio(writeWav("s.wav", interleaved, 16_000, 2));

        assertEquals(800, samples.length);
        assertTrue(allZero(samples), "left and right cancel");
    }

    @Test
    void picocliBuildsItFromTheClassAndItsHelpNamesTheStages() {
        CommandLine cl = new CommandLine(InspectFeaturesCommand.class);
        cl.setOut(new PrintWriter(out));

        assertEquals(0, cl.execute("--help"));
        assertTrue(out.toString().contains("--stage=STAGE"), out.toString());
        assertTrue(out.toString().contains("fbank (80 log-mel values), lfr (560 stacked)"), out.toString());
    }

    @Test
    void formatsSevenSignificantDigitsLikePrintfG() {
        assertEquals("-15.94238", InspectFeaturesCommand.sevenDigits(-15.942385f));
        assertEquals("0.155775", InspectFeaturesCommand.sevenDigits(0.155775f));
        assertEquals("2", InspectFeaturesCommand.sevenDigits(2f));
        assertEquals("0", InspectFeaturesCommand.sevenDigits(0f));
        assertEquals("1.234568e-05", InspectFeaturesCommand.sevenDigits(1.2345678e-5f));
    }

    private static boolean allZero(float[] values) {
        for (float v : values) {
            if (v != 0f) {
                return false;
            }
        }
        return true;
    }

    private static void assertMatches(float[] golden, int dim, String printed) {
        List<String> lines = printed.lines().toList();
        assertEquals(golden.length / dim, lines.size(), "frames");
        for (int f = 0; f < lines.size(); f++) {
            float[] row = parse(lines.get(f));
            assertEquals(dim, row.length);
            for (int d = 0; d < dim; d++) {
                assertEquals(golden[f * dim + d], row[d], 1e-3, "frame " + f + " value " + d);
            }
        }
    }

    private static float[] parse(String line) {
        String[] parts = line.split(",");
        float[] row = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            row[i] = Float.parseFloat(parts[i]);
        }
        return row;
    }

    private Path funasrModelWith(byte[] amMvn) throws IOException {
        Path model = Files.createDirectories(dir.resolve("funasr"));
        for (String name : List.of("model.onnx", "tokens.json")) {
            Files.copy(Path.of("src/test/resources/models/test-funasr", name), model.resolve(name));
        }
        Files.write(model.resolve("am.mvn"), amMvn);
        return model;
    }

    private Path copy(String name) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, resource(name));
        return file;
    }

    private Path writeWav(String name, short[] pcm, int rate, int channels) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(pcm);
        AudioFormat format = new AudioFormat(rate, 16, channels, true, false);
        Path file = dir.resolve(name);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes.array()), format,
                pcm.length / channels)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    private static float[] golden(String name) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(resource(name)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[b.remaining() / 4];
        b.asFloatBuffer().get(values);
        return values;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = InspectFeaturesCommandTest.class.getResourceAsStream("/frontend/" + name)) {
            return in.readAllBytes();
        }
    }
}
