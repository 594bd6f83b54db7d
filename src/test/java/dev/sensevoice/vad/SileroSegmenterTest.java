package dev.sensevoice.vad;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Silero v5 on espeak-ng speech (16 kHz via sox) separated by faint noise. */
class SileroSegmenterTest {
    private static final int RATE = SpeechSegment.SAMPLE_RATE;
    private static final long TOLERANCE = RATE / 10;
    private static final SegmenterConfig EXACT = new SegmenterConfig(VadMode.SILERO, 0.5, 250, 300, 0, 30, 0);

    @TempDir
    static Path folder;
    private static SileroModel model;
    private static float[] input;
    private static final List<long[]> truth = new ArrayList<>();

    @BeforeAll
    static void speak() throws Exception {
        model = SileroModel.open(null);
        float[] first = espeak("one", "The quick brown fox jumps over the lazy dog.");
        float[] second = espeak("two", "Seven hundred and twelve apples.");
        input = join(noise(1.0), first, noise(1.2), second, noise(1.0));
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @Test
    void findsEachUtteranceWithin100Ms() throws IOException {
        List<SpeechSegment> found = segments(EXACT, input.length);
        assertEquals(truth.size(), found.size(), found.toString());
        for (int i = 0; i < found.size(); i++) {
            long[] edges = truth.get(i);
            SpeechSegment s = found.get(i);
            assertTrue(Math.abs(s.startSample() - edges[0]) <= TOLERANCE, s + " vs start " + edges[0]);
            assertTrue(Math.abs(s.endSample() - edges[1]) <= TOLERANCE, s + " vs end " + edges[1]);
        }
    }

    @Test
    void silenceGivesNoSegments() throws IOException {
        List<SegmentAudio> out = new ArrayList<>();
        SegmentationResult result = new SpeechSegmenter(EXACT, model).segment(new ArraySource(noise(4.0), 4096), out::add);
        assertEquals(List.of(), out);
        assertEquals(4L * RATE, result.totalSamples());
    }

    @Test
    void oddBlocksGiveTheSameSegmentsAsOneBlock() throws IOException {
        SegmenterConfig padded = SegmenterConfig.defaults();
        assertEquals(segments(padded, input.length), segments(padded, 333));
    }

    @Test
    void inputsSegmentedAtOnceShareTheModelWithoutMixingState() throws Exception {
        List<SpeechSegment> alone = segments(EXACT, 4096);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            var futures = new ArrayList<java.util.concurrent.Future<List<SpeechSegment>>>();
            for (int i = 0; i < 3; i++) {
                futures.add(pool.submit(() -> segments(EXACT, 1000)));
            }
            for (var future : futures) {
                assertEquals(alone, future.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    private static List<SpeechSegment> segments(SegmenterConfig config, int block) throws IOException {
        List<SpeechSegment> out = new ArrayList<>();
        new SpeechSegmenter(config, model).segment(new ArraySource(input, block), s -> out.add(s.segment()));
        return out;
    }

    /** Speaks {@code text} into a 16 kHz WAV and remembers where in the input its sound starts and ends. */
    private static float[] espeak(String name, String text) throws Exception {
        Path raw = folder.resolve(name + "-22k.wav");
        Path wav = folder.resolve(name + ".wav");
        run("espeak-ng", "-v", "en-us", "-w", raw.toString(), text);
        run("sox", raw.toString(), "-r", "16000", "-c", "1", "-b", "16", wav.toString());
        return read(wav);
    }

    private static float[] join(float[]... parts) {
        int length = 0;
        for (float[] part : parts) {
            length += part.length;
        }
        float[] all = new float[length];
        int at = 0;
        for (int p = 0; p < parts.length; p++) {
            if (p % 2 == 1) {
                truth.add(soundEdges(parts[p], at));
            }
            System.arraycopy(parts[p], 0, all, at, parts[p].length);
            at += parts[p].length;
        }
        for (int i = 0; i < all.length; i++) {
            all[i] += parts[0][i % parts[0].length];
        }
        return all;
    }

    /** First and last sample louder than -40 dBFS, shifted to the part's place in the input. */
    private static long[] soundEdges(float[] part, int offset) {
        int first = 0;
        int last = part.length - 1;
        while (Math.abs(part[first]) < 0.01f) {
            first++;
        }
        while (Math.abs(part[last]) < 0.01f) {
            last--;
        }
        return new long[] {offset + first, offset + last + 1};
    }

    private static float[] noise(double seconds) {
        Random random = new Random(11);
        float[] noise = new float[(int) (seconds * RATE)];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (random.nextGaussian() * 0.001);
        }
        return noise;
    }

    static float[] read(Path wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat format = in.getFormat();
            assertEquals(RATE, (int) format.getSampleRate());
            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] samples = new float[bytes.capacity() / 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = bytes.getShort() / 32768f;
            }
            return samples;
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
    }
}
