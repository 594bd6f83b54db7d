package dev.sensevoice.audio;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 10 s of audio at 44.1 kHz stereo (or 22.05 kHz mono, espeak-ng's rate) to 16 kHz mono through
 * {@link ResampledSource} (downmix + TarsosDSP), one thread, from memory: the decode stage's cost
 * without file I/O. ×real time = 10 000 ms / (ms per op).
 * Run: {@code mvn -Pjmh test-compile exec:exec@jmh -Djmh.args="Resampler"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ResamplerBenchmark {
    private static final int SECONDS = 10;

    @Param({"44100:2", "22050:1"})
    public String input;

    private float[] interleaved;
    private int rate;
    private int channels;
    private final float[] out = new float[16_384];

    @Setup
    public void setUp() {
        rate = Integer.parseInt(input.split(":")[0]);
        channels = Integer.parseInt(input.split(":")[1]);
        interleaved = new float[SECONDS * rate * channels];
        for (int i = 0; i < interleaved.length; i++) {
            double t = i / (double) (rate * channels);
            interleaved[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * t) + 0.1 * Math.sin(2 * Math.PI * 3100 * t));
        }
    }

    @Benchmark
    public long resample10s() throws IOException {
        long total = 0;
        try (ResampledSource source = new ResampledSource(new MemoryFrames(interleaved, rate, channels))) {
            int n;
            while ((n = source.read(out, 0, out.length)) >= 0) {
                total += n;
            }
        }
        return total;
    }

    /** Interleaved frames from an array. */
    private static final class MemoryFrames implements FrameReader {
        private final float[] samples;
        private final int rate;
        private final int channels;
        private int position;

        MemoryFrames(float[] samples, int rate, int channels) {
            this.samples = samples;
            this.rate = rate;
            this.channels = channels;
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
            int frames = Math.min(maxFrames, (samples.length - position) / channels);
            if (frames <= 0) {
                return -1;
            }
            System.arraycopy(samples, position, interleaved, 0, frames * channels);
            position += frames * channels;
            return frames;
        }

        @Override
        public void close() {
        }
    }
}
