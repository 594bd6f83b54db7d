package dev.sensevoice.audio;

import static dev.sensevoice.audio.AudioFixtures.assertClose;
import static dev.sensevoice.audio.AudioFixtures.ffmpeg;
import static dev.sensevoice.audio.AudioFixtures.ffmpegNative;
import static dev.sensevoice.audio.AudioFixtures.readNative;
import static dev.sensevoice.audio.WavBytes.chunk;
import static dev.sensevoice.audio.WavBytes.fmt;
import static dev.sensevoice.audio.WavBytes.riff;
import static dev.sensevoice.audio.WavBytes.samples;
import static dev.sensevoice.audio.WavBytes.sines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WavReaderTest {
    private static final String TWO_TONES = "0.5*sin(2*PI*440*t)|0.3*sin(2*PI*1000*t)";
    private static final String SIX_TONES = "0.5*sin(2*PI*200*t)|0.4*sin(2*PI*300*t)|0.3*sin(2*PI*400*t)"
            + "|0.2*sin(2*PI*500*t)|0.1*sin(2*PI*600*t)|0.05*sin(2*PI*700*t)";

    @TempDir
    Path dir;

    /** ffmpeg writes each variant and decodes it as the reference; we must agree sample for sample. */
    @ParameterizedTest(name = "{0} {1}ch {2} Hz {3}")
    @CsvSource({
        "pcm_u8,    1, 8000,  no",
        "pcm_s16le, 2, 22050, no",
        "pcm_s16le, 6, 48000, no",
        "pcm_s24le, 2, 44100, no",
        "pcm_s32le, 1, 48000, no",
        "pcm_f32le, 2, 48000, no",
        "pcm_f64le, 1, 44100, no",
        "pcm_s16le, 1, 16000, rf64",
    })
    void decodesWhatFfmpegWrites(String codec, int channels, int rate, String rf64) throws Exception {
        String tones = channels == 6 ? SIX_TONES : channels == 2 ? TWO_TONES : "0.7*sin(2*PI*440*t)";
        Path wav = ffmpeg(dir.resolve(codec + channels + ".wav"),
                "aevalsrc=" + tones + ":s=" + rate + ":d=1.3", "-c:a", codec,
                "-rf64", rf64.equals("rf64") ? "always" : "never");

        WavFormat format = header(wav);
        String magic = new String(Files.readAllBytes(wav), 0, 4, java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(rf64.equals("rf64") ? "RF64" : "RIFF", magic);
        assertEquals(channels, format.channels());
        assertEquals(rate, format.sampleRate());
        assertClose(ffmpegNative(wav), readNative(wav), 1e-7);
    }

    @Test
    void readsExtensibleHeadersFfmpegWritesForWideSamples() throws Exception {
        Path wav = ffmpeg(dir.resolve("wide.wav"), "aevalsrc=" + TWO_TONES + ":s=44100:d=0.2",
                "-c:a", "pcm_s24le");
        assertEquals(0xFFFE, Byte.toUnsignedInt(Files.readAllBytes(wav)[20])
                | Byte.toUnsignedInt(Files.readAllBytes(wav)[21]) << 8, "fixture should be extensible");
        assertEquals(SampleEncoding.SIGNED_24, header(wav).encoding());
    }

    /** Every encoding written by hand, plain and extensible, against the exact sine. */
    @ParameterizedTest(name = "tag {0} {1}-bit extensible={2}")
    @CsvSource({
        "1, 8,  false, 0.004", "1, 16, false, 1.6e-5", "1, 24, false, 1.2e-7",
        "1, 32, false, 1e-7",   "3, 32, false, 1e-7",   "3, 64, false, 1e-7",
        "1, 16, true,  1.6e-5", "1, 24, true,  1.2e-7", "3, 32, true,  1e-7",
    })
    void decodesEveryEncoding(int tag, int bits, boolean extensible, double tolerance) throws Exception {
        double[][] signal = sines(2, 11025, 3000);
        byte[] fmtBody = extensible ? WavBytes.fmtExtensible(tag, 2, 11025, bits) : fmt(tag, 2, 11025, bits);
        Path wav = write("enc.wav", riff(chunk("fmt ", fmtBody), chunk("data", samples(signal, tag == 3, bits))));
        assertClose(flatten(signal), readNative(wav), tolerance);
    }

    @Test
    void skipsUnknownChunksWithOddSizesAndTheirPadByte() throws Exception {
        double[][] signal = sines(1, 8000, 801);
        byte[] data = samples(signal, false, 8); // 801 bytes: odd, so padded as well
        Path wav = write("odd.wav", riff(chunk("LIST", new byte[] {1, 2, 3, 4, 5}),
                chunk("fmt ", fmt(1, 1, 8000, 8)), chunk("junk", new byte[] {9, 9, 9}),
                chunk("data", data), chunk("id3 ", new byte[] {7, 7, 7})));
        assertClose(flatten(signal), readNative(wav), 0.004);
    }

    @ParameterizedTest(name = "data size field {0}")
    @CsvSource({"0", "4294967295"})
    void readsStreamedWavToTheEnd(long declared) throws Exception {
        double[][] signal = sines(2, 16000, 1234);
        Path wav = write("streamed.wav", riff(chunk("fmt ", fmt(1, 2, 16000, 16)),
                chunk("data", samples(signal, false, 16), declared)));
        assertClose(flatten(signal), readNative(wav), 1.6e-5);
    }

    @Test
    void readsWavThatFfmpegStreamsThroughAPipe() throws Exception {
        byte[] piped = AudioFixtures.run("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi",
                "-i", "aevalsrc=" + TWO_TONES + ":s=22050:d=0.7", "-c:a", "pcm_s16le", "-f", "wav", "-");
        Path wav = write("piped.wav", piped);
        assertEquals(-1, header(wav).dataBytes(), "a piped WAV has no data size");
        assertClose(ffmpegNative(wav), readNative(wav), 1e-7);
    }

    /** A cut data chunk fails at its end, naming both lengths; a shortfall within the tolerance does not. */
    @Test
    void truncatedDataFailsWithBothLengths() throws Exception {
        double[][] signal = sines(2, 8000, 8000);
        byte[] data = samples(signal, false, 16);
        byte[] cut = Arrays.copyOf(data, 4 * 600 + 2); // 600 frames and half of one
        Path wav = write("cut.wav", riff(chunk("fmt ", fmt(1, 2, 8000, 16)), chunk("data", cut, data.length)));
        AudioException e = org.junit.jupiter.api.Assertions.assertThrows(AudioException.class, () -> readNative(wav));
        assertEquals("truncated: the header declares 1.00 s of audio but the file ends after 0.08 s; copy it again, "
                + "or rewrite it with ffmpeg to transcribe what is there", e.reason());
        assertEquals(wav, e.file());

        byte[] almost = Arrays.copyOf(data, data.length - 4 * 400); // 50 ms short
        Path rounded = write("rounded.wav", riff(chunk("fmt ", fmt(1, 2, 8000, 16)), chunk("data", almost, data.length)));
        assertClose(Arrays.copyOf(flatten(signal), 2 * 7600), readNative(rounded), 1.6e-5);
    }

    private WavFormat header(Path wav) throws Exception {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(wav))) {
            return WavHeaderReader.read(in, wav);
        }
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    static float[] flatten(double[][] frames) {
        float[] flat = new float[frames.length * frames[0].length];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = (float) frames[i / frames[0].length][i % frames[0].length];
        }
        return flat;
    }
}
