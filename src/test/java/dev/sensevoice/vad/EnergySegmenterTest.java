package dev.sensevoice.vad;

import dev.sensevoice.audio.SampleSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole segmenter in energy and none modes, on synthesized audio. */
class EnergySegmenterTest {
    private static final int RATE = SpeechSegment.SAMPLE_RATE;
    private static final long TOLERANCE = RATE / 10;
    /** No padding and no merging, so segment edges can be compared with the true burst edges. */
    private static final SegmenterConfig EXACT = new SegmenterConfig(VadMode.ENERGY, 0.5, 250, 300, 0, 30, 0);

    private static List<SegmentAudio> segment(SegmenterConfig config, SampleSource source) throws IOException {
        List<SegmentAudio> out = new ArrayList<>();
        new SpeechSegmenter(config).segment(source, out::add);
        return out;
    }

    private static SyntheticAudio threeBursts() {
        return new SyntheticAudio().silence(1.0).burst(1.2).silence(0.8).burst(0.6).silence(1.5).burst(2.0).silence(0.7);
    }

    @Test
    void findsEachBurstWithin100Ms() throws IOException {
        assertBurstsFound(threeBursts());
    }

    @Test
    void findsBurstsOverLoudBackgroundNoise() throws IOException {
        // -40 dBFS of noise, about 20 dB under the bursts; the first burst starts the file.
        assertBurstsFound(new SyntheticAudio().noise(0.01).burst(1.5).silence(1.0).burst(0.8).silence(2.0)
                .burst(1.0).silence(6.0).burst(1.2).silence(0.5));
    }

    private static void assertBurstsFound(SyntheticAudio audio) throws IOException {
        List<SegmentAudio> segments = segment(EXACT, new ArraySource(audio.samples(), 4096));
        assertEquals(audio.bursts().size(), segments.size(), segments.stream().map(s -> s.segment().startSeconds() + "-" + s.segment().endSeconds()).toList().toString());
        for (int i = 0; i < segments.size(); i++) {
            SpeechSegment found = segments.get(i).segment();
            long[] truth = audio.bursts().get(i);
            assertTrue(Math.abs(found.startSample() - truth[0]) <= TOLERANCE, found + " vs start " + truth[0]);
            assertTrue(Math.abs(found.endSample() - truth[1]) <= TOLERANCE, found + " vs end " + truth[1]);
        }
    }

    @Test
    void samplesAreThoseOfTheInputAtTheSegment() throws IOException {
        float[] input = threeBursts().samples();
        List<SegmentAudio> out = new ArrayList<>();
        SegmentationResult result = new SpeechSegmenter(EXACT).segment(new ArraySource(input, 4096), out::add);
        assertEquals(new SegmentationResult(input.length, out.size(),
                out.stream().mapToLong(s -> s.samples().length).sum(), result.detectorNanos()), result);
        assertTrue(result.detectorNanos() > 0);
        for (SegmentAudio found : out) {
            int from = (int) found.segment().startSample();
            assertArrayEquals(java.util.Arrays.copyOfRange(input, from, from + found.samples().length), found.samples());
        }
    }

    @Test
    void silenceGivesNoSegmentsButItsDuration() throws IOException {
        float[] quiet = new SyntheticAudio().silence(7.3).samples();
        List<SegmentAudio> out = new ArrayList<>();
        SegmentationResult result = new SpeechSegmenter(EXACT).segment(new ArraySource(quiet, 1000), out::add);
        assertEquals(List.of(), out);
        assertEquals(quiet.length, result.totalSamples());
        assertEquals(0, result.segments());
    }

    @Test
    void tinyAndOddBlocksGiveTheSameSegmentsAsOneBlock() throws IOException {
        float[] input = threeBursts().samples();
        SegmenterConfig config = new SegmenterConfig(VadMode.ENERGY, 0.5, 250, 300, 200, 2, 3);
        List<SpeechSegment> whole = segments(config, new ArraySource(input, input.length));
        assertTrue(whole.size() >= 3, whole.toString());
        for (int block : new int[] {1, 7, 511, 513, 1000}) {
            assertEquals(whole, segments(config, new ArraySource(input, block)), "block " + block);
        }
    }

    @Test
    void noneModeCutsA75SecondInputIntoSegmentsNoLongerThanTheMaximum() throws IOException {
        SyntheticAudio audio = new SyntheticAudio();
        for (int i = 0; i < 15; i++) {
            audio.burst(4.0).silence(1.0);
        }
        float[] input = audio.samples();
        SegmenterConfig none = SegmenterConfig.defaults().withMode(VadMode.NONE).withMergeS(0);
        List<SpeechSegment> found = segments(none, new ArraySource(input, 3000));
        long covered = 0;
        for (SpeechSegment s : found) {
            assertEquals(covered, s.startSample());
            assertTrue(s.length() <= 30L * RATE, s.toString());
            covered = s.endSample();
        }
        assertEquals(input.length, covered);
        assertEquals(3, found.size());
        // Cuts fall in the quiet second between bursts, not mid-burst.
        for (int i = 0; i < found.size() - 1; i++) {
            double cut = found.get(i).endSeconds();
            assertTrue(cut % 5.0 >= 4.0, "cut at " + cut);
        }
    }

    @Test
    void emptyAndTinyInputs() throws IOException {
        SegmenterConfig none = SegmenterConfig.defaults().withMode(VadMode.NONE);
        assertEquals(List.of(), segments(none, new ArraySource(new float[0], 10)));
        List<SegmentAudio> tiny = segment(none, new ArraySource(new float[100], 10));
        assertEquals(List.of(new SpeechSegment(0, 100)), tiny.stream().map(SegmentAudio::segment).toList());
        assertEquals(100, tiny.get(0).samples().length);
    }

    @Test
    void mergedSegmentsNeverExceedTheMaximum() throws IOException {
        SyntheticAudio audio = new SyntheticAudio().silence(0.5);
        for (int i = 0; i < 12; i++) {
            audio.burst(1.5).silence(0.7);
        }
        SegmenterConfig config = new SegmenterConfig(VadMode.ENERGY, 0.5, 250, 300, 100, 5, 15);
        List<SpeechSegment> found = segments(config, new ArraySource(audio.samples(), 4096));
        assertTrue(found.size() >= 4 && found.size() < 12, found.toString());
        long previousEnd = 0;
        for (SpeechSegment s : found) {
            assertTrue(s.length() <= 5L * RATE, s.toString());
            assertTrue(s.startSample() >= previousEnd, s.toString());
            previousEnd = s.endSample();
        }
    }

    @Test
    void anHourStreamsThroughBoundedBuffers() throws IOException {
        long hour = 3600L * RATE;
        SegmenterConfig config = new SegmenterConfig(VadMode.ENERGY, 0.5, 250, 300, 200, 30, 15);
        TrackerRules rules = TrackerRules.from(config);
        List<SpeechSegment> found = new ArrayList<>();
        SampleRing ring;
        int delay;
        try (EnergyVad detector = new EnergyVad()) {
            delay = detector.delayFrames();
            SegmentationRun run = new SegmentationRun(config, detector, s -> found.add(s.segment()));
            ring = run.ring();
            assertEquals(hour, run.readAll(new PatternSource(hour)).totalSamples());
        }
        long bound = rules.maxSegment() + rules.pad() + (delay + 2L) * 512;
        assertEquals(bound, ring.capacity());
        assertTrue(ring.peakRetained() <= bound && bound < 34L * RATE, "peak " + ring.peakRetained());
        assertTrue(found.size() > 100, "segments " + found.size());
        found.forEach(s -> assertTrue(s.length() <= rules.maxSegment(), s.toString()));
    }

    private static List<SpeechSegment> segments(SegmenterConfig config, SampleSource source) throws IOException {
        return segment(config, source).stream().map(SegmentAudio::segment).toList();
    }

    /**
     * An endless-looking input made on the fly: speech-like bursts whose lengths cycle from 0.5 s
     * to 70 s (so long stretches need splitting) between pauses of 0.2 to 3 s.
     */
    private static final class PatternSource implements SampleSource {
        private final long total;
        private long position;

        PatternSource(long total) {
            this.total = total;
        }

        @Override
        public int read(float[] buffer, int offset, int length) {
            if (position == total) {
                return -1;
            }
            int n = (int) Math.min(length, total - position);
            for (int i = 0; i < n; i++, position++) {
                buffer[offset + i] = sample(position);
            }
            return n;
        }

        private static float sample(long position) {
            long cycle = position % (100L * RATE);
            boolean loud = cycle < 70L * RATE ? (cycle / (RATE / 2)) % 7 != 3 : cycle % (3L * RATE) < 2L * RATE;
            int phase = (int) (position % TONE.length);
            return (loud ? TONE[phase] : 0) + HISS[(int) (position % HISS.length)];
        }

        /** One period of 200 Hz and a short loop of faint noise: cheap enough for an hour of samples. */
        private static final float[] TONE = new float[RATE / 200];
        private static final float[] HISS = new float[4999];

        static {
            for (int i = 0; i < TONE.length; i++) {
                TONE[i] = (float) (0.2 * Math.sin(2 * Math.PI * i / TONE.length));
            }
            java.util.Random random = new java.util.Random(3);
            for (int i = 0; i < HISS.length; i++) {
                HISS[i] = (float) (random.nextGaussian() * 0.002);
            }
        }

        @Override
        public void close() {
        }
    }
}
