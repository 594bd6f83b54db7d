package dev.sensevoice.frontend;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fbank + LFR + CMVN on 10 s of audio, one thread. ×real-time = 10 000 ms / (ms per op).
 * Run: {@code mvn -Pjmh test-compile exec:exec@jmh} (see docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FrontendBenchmark {
    private static final int SECONDS = 10;

    private float[] samples;
    private FeatureExtractor extractor;
    private Fbank fbank;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        samples = new float[SECONDS * Fbank.SAMPLE_RATE];
        for (int i = 0; i < samples.length; i++) {
            double t = i / (double) Fbank.SAMPLE_RATE;
            samples[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * t) * Math.sin(2 * Math.PI * 3 * t)
                    + 0.1 * Math.sin(2 * Math.PI * 1300 * t) + 0.02 * random.nextGaussian());
        }
        float[] negMean = new float[560];
        float[] invStddev = new float[560];
        Arrays.fill(negMean, -10f);
        Arrays.fill(invStddev, 0.15f);
        extractor = new FeatureExtractor(FrontendConfig.senseVoice(new Cmvn(negMean, invStddev)));
        fbank = new Fbank(Fbank.INT16_SCALE);
    }

    @Benchmark
    public Features fbankLfrCmvn() {
        return extractor.extract(samples);
    }

    @Benchmark
    public Features fbankOnly() {
        return fbank.compute(samples);
    }
}
