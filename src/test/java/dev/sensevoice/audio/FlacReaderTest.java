package dev.sensevoice.audio;

import static dev.sensevoice.audio.AudioFixtures.ffmpeg;
import static dev.sensevoice.audio.AudioFixtures.readAll;
import static dev.sensevoice.audio.AudioFixtures.readFrames;
import static dev.sensevoice.audio.AudioFixtures.readNative;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlacReaderTest {
    @TempDir
    Path dir;

    /** The reference FLAC encoder compresses a WAV; decoding must give back the very same samples. */
    @ParameterizedTest(name = "{0} {1}ch {2} Hz")
    @CsvSource({"pcm_s16le, 2, 44100", "pcm_s24le, 1, 48000", "pcm_s16le, 6, 22050", "pcm_u8, 1, 8000"})
    void equalsTheWavItWasEncodedFrom(String codec, int channels, int rate) throws Exception {
        Path wav = ffmpeg(dir.resolve("in.wav"), "aevalsrc=0.6*sin(2*PI*523*t)+0.1*random(0):s="
                + rate + ":d=2.1", "-c:a", codec, "-ac", String.valueOf(channels));
        Path flac = encode(wav, dir.resolve("in.flac"));

        assertArrayEquals(readNative(wav), readFlac(flac));
    }

    @Test
    void decodedStreamEqualsTheWavStreamBitForBit() throws Exception {
        Path wav = ffmpeg(dir.resolve("s.wav"), "aevalsrc=0.5*sin(2*PI*300*t)|0.4*sin(2*PI*700*t):s=44100:d=3",
                "-c:a", "pcm_s16le");
        Path flac = encode(wav, dir.resolve("s.flac"));
        AudioDecoder decoder = new AudioDecoder(FfmpegLocator.none());
        try (SampleSource fromWav = decoder.open(wav); SampleSource fromFlac = decoder.open(flac)) {
            assertArrayEquals(readAll(fromWav, 1000), readAll(fromFlac, 777));
        }
    }

    /** Like WAV: a cut FLAC (STREAMINFO gives the total) fails once the frames before the cut are read. */
    @Test
    void truncatedFlacFailsAfterTheFramesBeforeTheCut() throws Exception {
        Path wav = ffmpeg(dir.resolve("t.wav"), "sine=f=440:r=16000:d=5", "-c:a", "pcm_s16le");
        Path flac = encode(wav, dir.resolve("t.flac"));
        byte[] bytes = Files.readAllBytes(flac);
        Path cut = Files.write(dir.resolve("cut.flac"), java.util.Arrays.copyOf(bytes, bytes.length * 6 / 10));

        AudioException e = org.junit.jupiter.api.Assertions.assertThrows(AudioException.class, () -> readFlac(cut));
        assertTrue(e.reason().startsWith("truncated: the header declares 5.00 s of audio but the file ends after "),
                e.reason());
        assertEquals(cut, e.file());
    }

    @Test
    void readsOneFrameAtATime() throws Exception {
        Path wav = ffmpeg(dir.resolve("long.wav"), "sine=f=440:r=16000:d=20", "-c:a", "pcm_s16le");
        Path flac = encode(wav, dir.resolve("long.flac"));
        try (FlacReader reader = FlacReader.open(new BufferedInputStream(Files.newInputStream(flac)), flac)) {
            float[] block = new float[1 << 20];
            int frames = reader.read(block, block.length);
            assertTrue(frames > 0 && frames <= 4608, "one FLAC frame per read, got " + frames);
        }
    }

    @Test
    void contentDecidesTheFormatNotTheName() throws Exception {
        Path wav = ffmpeg(dir.resolve("a.wav"), "sine=f=440:r=16000:d=1", "-c:a", "pcm_s16le");
        Path flacNamedWav = encode(wav, dir.resolve("really-flac.wav"));
        Path wavNamedMp3 = Files.copy(wav, dir.resolve("really-wav.mp3"));
        AudioDecoder withoutFfmpeg = new AudioDecoder(FfmpegLocator.none());
        try (SampleSource a = withoutFfmpeg.open(flacNamedWav); SampleSource b = withoutFfmpeg.open(wavNamedMp3)) {
            assertArrayEquals(readAll(a, 512), readAll(b, 512));
        }
        assertEquals(1.0, withoutFfmpeg.probe(flacNamedWav).durationSeconds(), 1e-9);
    }

    private static float[] readFlac(Path flac) throws Exception {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(flac));
             FlacReader reader = FlacReader.open(in, flac)) {
            return readFrames(reader);
        }
    }

    static Path encode(Path wav, Path flac) throws Exception {
        AudioFixtures.run("flac", "-s", "-f", "-o", flac.toString(), wav.toString());
        return flac;
    }
}
