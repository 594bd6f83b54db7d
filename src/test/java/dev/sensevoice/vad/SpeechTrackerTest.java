package dev.sensevoice.vad;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state machine on hand-made probability sequences (one value per 512-sample frame). */
class SpeechTrackerTest {
    private static final int F = VoiceActivityDetector.FRAME_SAMPLES;

    /** threshold 0.5, minSpeech 4 frames, minSilence 3 frames, pad 100 samples, max 40 frames. */
    private static final TrackerRules RULES = new TrackerRules(0.5f, 0.35f, 4L * F, 3L * F, 100, 40L * F);

    private static List<SpeechSegment> track(TrackerRules rules, float... probabilities) {
        List<SpeechSegment> out = new ArrayList<>();
        SpeechTracker tracker = new SpeechTracker(rules, out::add);
        for (int i = 0; i < probabilities.length; i++) {
            tracker.accept((long) i * F, probabilities[i]);
        }
        tracker.finish((long) probabilities.length * F);
        return out;
    }

    private static float[] frames(Object... runs) {
        List<Float> values = new ArrayList<>();
        for (int i = 0; i < runs.length; i += 2) {
            for (int k = 0; k < (Integer) runs[i + 1]; k++) {
                values.add(((Number) runs[i]).floatValue());
            }
        }
        float[] array = new float[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    @Test
    void speechBetweenSilencesBecomesOnePaddedSegment() {
        List<SpeechSegment> segments = track(RULES, frames(0.1, 10, 0.9, 8, 0.1, 10));
        assertEquals(List.of(new SpeechSegment(10L * F - 100, 18L * F + 100)), segments);
    }

    @Test
    void aShortPauseDoesNotEndTheSegmentAndWavering() {
        // 2 frames below neg (shorter than minSilence) and 3 frames between neg and threshold.
        List<SpeechSegment> segments = track(RULES, frames(0.0, 5, 0.9, 6, 0.1, 2, 0.9, 2, 0.4, 3, 0.9, 5, 0.0, 10));
        assertEquals(List.of(new SpeechSegment(5L * F - 100, 23L * F + 100)), segments);
    }

    @Test
    void speechNoLongerThanMinSpeechIsDropped() {
        assertEquals(List.of(), track(RULES, frames(0.0, 5, 0.9, 4, 0.0, 10)));
        assertEquals(1, track(RULES, frames(0.0, 5, 0.9, 5, 0.0, 10)).size());
    }

    @Test
    void paddingNeverReachesBackOverThePreviousSegment() {
        TrackerRules widePad = new TrackerRules(0.5f, 0.35f, 0, 3L * F, 3L * F, 40L * F);
        List<SpeechSegment> segments = track(widePad, frames(0.9, 5, 0.0, 4, 0.9, 5, 0.0, 10));
        // The first ends at 5F + min(pad, 3F / 2); the second starts no earlier than that.
        assertEquals(new SpeechSegment(0, 5L * F + 3 * F / 2), segments.get(0));
        assertEquals(segments.get(0).endSample(), segments.get(1).startSample());
    }

    @Test
    void aLowThresholdStillLetsSpeechEnd() {
        TrackerRules rules = TrackerRules.from(new SegmenterConfig(VadMode.SILERO, 0.1, 0, 64, 0, 30, 0));
        assertEquals(0.01f, rules.negThreshold());
        assertEquals(List.of(new SpeechSegment(0, 3L * F)), track(rules, frames(0.9, 3, 0.0, 5)));
    }

    @Test
    void openSegmentAtTheEndRunsToTheEnd() {
        assertEquals(List.of(new SpeechSegment(3L * F - 100, 12L * F)), track(RULES, frames(0.0, 3, 0.9, 9)));
    }

    @Test
    void longSpeechIsSplitAtItsQuietestFrameInTheSecondHalf() {
        // 60 frames of speech with a dip (0.4, still speech) at frame 30 of the stream.
        float[] p = frames(0.0, 2, 0.9, 28, 0.4, 1, 0.9, 31, 0.0, 10);
        List<SpeechSegment> segments = track(RULES, p);
        assertEquals(30L * F + F / 2, segments.get(0).endSample());
        assertEquals(segments.get(0).endSample(), segments.get(1).startSample());
        segments.forEach(s -> assertTrue(s.length() <= RULES.maxSegment(), s.toString()));
    }

    @Test
    void splitsNeverExceedTheMaximumOnEndlessSpeech() {
        TrackerRules none = new TrackerRules(0f, -1f, 0, 0, 0, 40L * F);
        float[] p = new float[1000];
        java.util.Arrays.fill(p, 1f);
        List<SpeechSegment> segments = track(none, p);
        long covered = 0;
        for (SpeechSegment s : segments) {
            assertTrue(s.length() <= 40L * F && s.length() >= 20L * F, s.toString());
            assertEquals(covered, s.startSample());
            covered = s.endSample();
        }
        assertEquals(1000L * F, covered);
    }
}
