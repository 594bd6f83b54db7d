package dev.sensevoice.decode;

import dev.sensevoice.model.Logits;
import dev.sensevoice.model.Tokens;
import java.util.ArrayList;
import java.util.List;
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
 * Greedy CTC decoding of one 30 s segment (500 frames + 4 query frames) over SenseVoice's vocabulary
 * size (25,055), one thread: the post-processing cost per segment. Most of it is the argmax over
 * 12.6 M scores. Run: {@code mvn -Pjmh test-compile exec:exec@jmh -Djmh.args="CtcDecode"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CtcDecodeBenchmark {
    private static final int VOCAB = 25_055;
    private static final int FRAMES = 504;
    private static final List<String> TAGS = List.of("<|en|>", "<|NEUTRAL|>", "<|Speech|>", "<|withitn|>");

    private CtcGreedyDecoder decoder;
    private Logits logits;

    @Setup
    public void setUp() {
        List<String> pieces = new ArrayList<>(List.of("<unk>"));
        pieces.addAll(TAGS);
        while (pieces.size() < VOCAB) {
            pieces.add("▁w" + pieces.size());
        }
        decoder = new CtcGreedyDecoder(new Tokens(pieces), 0);
        Random random = new Random(1);
        float[] values = new float[FRAMES * VOCAB];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        for (int t = 0; t < FRAMES; t++) { // tags first, then mostly blanks with a word now and then
            int best = t < TAGS.size() ? t + 1 : random.nextInt(10) < 7 ? 0 : 5 + random.nextInt(VOCAB - 5);
            values[t * VOCAB + best] = 20f;
        }
        logits = new Logits(values, FRAMES, VOCAB);
    }

    @Benchmark
    public Recognition decode30s() {
        return decoder.decode(logits, 0);
    }
}
