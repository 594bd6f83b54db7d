package dev.sensevoice.audio;

import static dev.sensevoice.audio.AudioFixtures.goertzel;
import static dev.sensevoice.audio.AudioFixtures.readAll;
import static dev.sensevoice.audio.AudioFixtures.sine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResampledSourceTest {

    @ParameterizedTest(name = "{0} Hz, {1} frames")
    @CsvSource({"8000, 8001", "11025, 33075", "22050, 22051", "44100, 132317", "48000, 47999",
        "96000, 9601", "44100, 1", "8000, 0"})
    void outputLengthIsTheDurationAtSixteenKilohertz(int rate, long frames) throws IOException {
        float[] out = readAll(new ResampledSource(new Synthesized(rate, 1, frames, i -> 0.5f)), 1000);
        assertEquals(Math.round(frames * 16000.0 / rate), out.length);
    }

    @ParameterizedTest(name = "{0} Hz")
    @CsvSource({"44100", "8000", "48000", "22050"})
    void keepsASineAtItsFrequencyAndPhase(int rate) throws IOException {
        long frames = rate * 2L;
        float[] out = readAll(new ResampledSource(
                new Synthesized(rate, 1, frames, i -> (float) sine(0.5, 1000, rate, i))), 4096);

        assertEquals(1000, zeroCrossings(out, 100, out.length - 100) * 16000.0 / (out.length - 200), 2.0);
        double at1000 = goertzel(out, 0, out.length, 1000, 16000);
        double at1500 = goertzel(out, 0, out.length, 1500, 16000);
        assertTrue(at1000 > 1e4 * at1500, "energy stays at 1 kHz: " + at1000 + " vs " + at1500);
        // Same sine sampled at 16 kHz, away from the filter's start-up and the end.
        for (int i = 200; i < out.length - 200; i++) {
            assertEquals(sine(0.5, 1000, 16000, i), out[i], 2e-3, "sample " + i);
        }
    }

    @Test
    void keepsTheTail() throws IOException {
        float[] out = readAll(new ResampledSource(
                new Synthesized(44100, 1, 44100, i -> (float) sine(0.5, 440, 44100, i))), 333);
        assertEquals(0.5 / Math.sqrt(2), rms(out, out.length - 160, out.length - 10), 0.02);
    }

    @Test
    void passesSixteenKilohertzMonoThroughUntouched() throws IOException {
        float[] input = new float[50_000];
        Random random = new Random(7);
        for (int i = 0; i < input.length; i++) {
            input[i] = random.nextFloat() * 2 - 1;
        }
        float[] out = readAll(new ResampledSource(new Synthesized(16000, 1, input.length, i -> input[(int) i])), 999);
        assertArrayEquals(input, out);
    }

    @Test
    void downmixAveragesTheChannels() throws IOException {
        // Channel c of frame i carries (i % 100) / 100 + c / 10: the mean of 3 channels adds 0.1.
        Synthesized stereo = new Synthesized(16000, 3, 20_000, i -> (i / 3 % 100) / 100f + (i % 3) / 10f);
        float[] out = readAll(new ResampledSource(stereo), 4096);
        for (int i = 0; i < out.length; i++) {
            assertEquals((i % 100) / 100f + 0.1f, out[i], 1e-6, "sample " + i);
        }
    }

    /**
     * Ten minutes of 44.1 kHz stereo WAV, generated while it is read and never stored: the decoder
     * must consume input only as fast as it hands out samples.
     */
    @Test
    void streamsTenMinutesInBoundedBlocks() throws IOException {
        int rate = 44_100;
        long frames = 600L * rate;
        GeneratedWav wav = new GeneratedWav(rate, frames);
        Path name = Path.of("generated.wav");
        try (SampleSource source = new ResampledSource(new WavReader(wav, name, WavHeaderReader.read(wav, name)))) {
            float[] block = new float[4000];
            long produced = 0;
            long reads = 0;
            for (int n; (n = source.read(block, 0, block.length)) >= 0; reads++) {
                produced += n;
                long inputBytesForOutput = 44 + (long) (produced * (double) rate / 16000) * 4;
                assertTrue(wav.consumed - inputBytesForOutput < 256 * 1024,
                        "read ahead " + (wav.consumed - inputBytesForOutput) + " bytes at block " + reads);
            }
            assertEquals(Math.round(frames * 16000.0 / rate), produced);
            assertEquals(wav.totalBytes(), wav.consumed);
            assertTrue(reads >= produced / block.length, "served in blocks");
        }
    }

    private static int zeroCrossings(float[] x, int from, int to) {
        int count = 0;
        for (int i = from + 1; i < to; i++) {
            if ((x[i - 1] < 0) != (x[i] < 0)) {
                count++;
            }
        }
        return count / 2;
    }

    private static double rms(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i] * x[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    /** Frames computed from their interleaved sample index: a fake decoder. */
    private static final class Synthesized implements FrameReader {
        private final int rate;
        private final int channels;
        private final long frames;
        private final LongFunction<Float> sample;
        private long position;

        Synthesized(int rate, int channels, long frames, LongFunction<Float> sample) {
            this.rate = rate;
            this.channels = channels;
            this.frames = frames;
            this.sample = sample;
        }

        @Override
        public int sampleRate() {
            return rate;
        }

        @Override
        public int channels() {
            return channels;
        }

        @Override
        public int read(float[] interleaved, int maxFrames) {
            int n = (int) Math.min(maxFrames, frames - position);
            if (n <= 0) {
                return -1;
            }
            for (int i = 0; i < n * channels; i++) {
                interleaved[i] = sample.apply(position * channels + i);
            }
            position += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    /** A 16-bit stereo WAV (a 440 Hz sine) produced byte by byte as it is read. */
    private static final class GeneratedWav extends InputStream {
        private final byte[] header;
        private final long frames;
        /** One second of a 440 Hz sine: exactly 440 periods, so it repeats seamlessly. */
        private final short[] period;
        long consumed;

        GeneratedWav(int rate, long frames) {
            this.frames = frames;
            this.period = new short[rate];
            for (int i = 0; i < rate; i++) {
                period[i] = (short) Math.round(sine(12000, 440, rate, i));
            }
            this.header = WavBytes.concat(WavBytes.ascii("RIFF"), WavBytes.le32(36 + frames * 4),
                    WavBytes.ascii("WAVE"), WavBytes.chunk("fmt ", WavBytes.fmt(1, 2, rate, 16)),
                    WavBytes.ascii("data"), WavBytes.le32(frames * 4));
        }

        long totalBytes() {
            return header.length + frames * 4;
        }

        @Override
        public int read() {
            if (consumed == totalBytes()) {
                return -1;
            }
            long at = consumed++;
            if (at < header.length) {
                return header[(int) at] & 0xFF;
            }
            short value = period[(int) ((at - header.length) / 4 % period.length)];
            return (at - header.length) % 2 == 0 ? value & 0xFF : (value >> 8) & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = (int) Math.min(len, totalBytes() - consumed);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) read();
            }
            return n == 0 && len > 0 ? -1 : n;
        }
    }
}
