package dev.sensevoice.audio;

import static dev.sensevoice.audio.AudioFixtures.readAll;
import static dev.sensevoice.audio.AudioFixtures.sine;
import static dev.sensevoice.audio.WavBytes.chunk;
import static dev.sensevoice.audio.WavBytes.fmt;
import static dev.sensevoice.audio.WavBytes.riff;
import static dev.sensevoice.audio.WavBytes.samples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The entry point without ffmpeg: WAV and FLAC in Java, and every one-line error. */
class AudioDecoderTest {
    @TempDir
    Path dir;

    private final AudioDecoder decoder = new AudioDecoder(FfmpegLocator.none());

    /** Stereo WAV at common rates, both channels one 700 Hz sine: 16 kHz output is that sine. */
    @ParameterizedTest(name = "{0} Hz {1}-bit")
    @CsvSource({"8000, 16", "22050, 24", "44100, 16", "48000, 32"})
    void decodesWavToSixteenKilohertzMono(int rate, int bits) throws Exception {
        double[][] frames = new double[rate * 2][];
        for (int i = 0; i < frames.length; i++) {
            double x = sine(0.6, 700, rate, i);
            frames[i] = new double[] {x, x};
        }
        Path wav = write("s.wav", riff(chunk("fmt ", fmt(1, 2, rate, bits)), chunk("data", samples(frames, false, bits))));
        float[] out;
        try (SampleSource source = decoder.open(wav)) {
            out = readAll(source, 1600);
        }
        assertEquals(32_000, out.length);
        for (int i = 200; i < out.length - 200; i++) {
            assertEquals(sine(0.6, 700, 16000, i), out[i], 3e-3, "sample " + i);
        }
    }

    @Test
    void sixteenKilohertzMonoIsBitExact() throws Exception {
        double[][] frames = WavBytes.sines(1, 16000, 5000);
        Path wav = write("m.wav", riff(chunk("fmt ", fmt(1, 1, 16000, 16)), chunk("data", samples(frames, false, 16))));
        float[] expected = new float[frames.length];
        for (int i = 0; i < frames.length; i++) {
            expected[i] = Math.round(frames[i][0] * 32768) / 32768f;
        }
        try (SampleSource source = decoder.open(wav)) {
            assertEquals(Arrays.toString(expected), Arrays.toString(readAll(source, 333)));
        }
    }

    @Test
    void withoutFfmpegOtherFormatsAskForIt() throws Exception {
        byte[] m4aHead = WavBytes.concat(new byte[] {0, 0, 0, 0x20}, WavBytes.ascii("ftypM4A "), new byte[40]);
        Path m4a = write("talk.m4a", m4aHead);
        assertFails(m4a, "install ffmpeg to read .m4a files");
        assertFails(write("voice.opus", WavBytes.ascii("OggS\0\2 opus head bytes")), "install ffmpeg to read .opus files");
    }

    @Test
    void reportsEachBrokenFileInOneLine() throws Exception {
        assertFails(write("empty.wav", new byte[0]), "empty file (0 bytes)");
        assertFails(write("notes.txt", WavBytes.ascii("just some text\n")),
                "not an audio file (not WAV or FLAC; install ffmpeg to try other formats)");
        assertFails(write("cut.wav", Arrays.copyOf(riff(chunk("fmt ", fmt(1, 1, 16000, 16))), 30)),
                "truncated WAV header (no complete fmt and data chunk)");
        assertFails(write("nodata.wav", riff(chunk("fmt ", fmt(1, 1, 16000, 16)))),
                "truncated WAV header (no complete fmt and data chunk)");
        assertFails(write("zero.wav", riff(chunk("fmt ", fmt(1, 0, 16000, 16)), chunk("data", new byte[8]))),
                "WAV header declares zero channels");
        assertFails(write("rate0.wav", riff(chunk("fmt ", fmt(1, 1, 0, 16)), chunk("data", new byte[8]))),
                "WAV header declares sample rate 0");
        assertFails(write("order.wav", riff(chunk("data", new byte[8]), chunk("fmt ", fmt(1, 1, 16000, 16)))),
                "malformed WAV header (data chunk before fmt chunk)");
        assertFails(write("ulaw.wav", riff(chunk("fmt ", fmt(7, 1, 8000, 8)), chunk("data", new byte[8]))),
                "unsupported WAV encoding μ-law; install ffmpeg to read it");
        assertFails(write("cut.flac", WavBytes.ascii("fLaC\0\0\0\"abc")), "truncated or malformed FLAC header");
        assertFails(dir.resolve("missing.wav"), "file not found");
        assertFails(Files.createDirectory(dir.resolve("folder.wav")), "is a directory, not an audio file");
    }

    @Test
    void reportsUnreadableFiles() throws Exception {
        Path locked = write("locked.wav", riff(chunk("fmt ", fmt(1, 1, 16000, 16)), chunk("data", new byte[8])));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "running as root: every file is readable");
        assertFails(locked, "permission denied (cannot read the file)");
    }

    @Test
    void probesWavAndFlacHeadersExactly() throws Exception {
        Path wav = write("p.wav", riff(chunk("fmt ", fmt(1, 2, 22050, 16)), chunk("data", new byte[22050 * 4 * 3 / 2])));
        assertEquals(new AudioInfo(1.5, 22050, 2), decoder.probe(wav));
        Path streamed = write("live.wav", riff(chunk("fmt ", fmt(1, 1, 8000, 16)), chunk("data", new byte[80], 0xFFFFFFFFL)));
        assertEquals(new AudioInfo(null, 8000, 1), decoder.probe(streamed));
        Path flac = FlacReaderTest.encode(wav, dir.resolve("p.flac"));
        assertEquals(new AudioInfo(1.5, 22050, 2), decoder.probe(flac));
    }

    @Test
    void probingNeverFails() throws Exception {
        assertEquals(AudioInfo.unknown(), decoder.probe(write("t.txt", WavBytes.ascii("text"))));
        assertEquals(AudioInfo.unknown(), decoder.probe(write("e.mp3", new byte[0])));
        assertEquals(AudioInfo.unknown(), decoder.probe(dir.resolve("nothing-here.ogg")));
        assertNull(decoder.probe(write("junk.m4a", new byte[] {0, 0, 0, 8, 'f', 't', 'y', 'p'})).durationSeconds());
    }

    private void assertFails(Path file, String reason) {
        AudioException e = assertThrows(AudioException.class, () -> decoder.open(file).close());
        assertEquals(file + ": " + reason, e.getMessage());
        assertEquals(reason, e.reason());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }
}
