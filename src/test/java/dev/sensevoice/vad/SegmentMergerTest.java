package dev.sensevoice.vad;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The merge rule on boundary lists, in seconds at 16 kHz (limit 15 s unless said otherwise). */
class SegmentMergerTest {
    private static final int RATE = SpeechSegment.SAMPLE_RATE;

    private static List<String> merge(double limitS, double... bounds) {
        List<String> merged = new ArrayList<>();
        SegmentMerger merger = new SegmentMerger(Math.round(limitS * RATE),
                s -> merged.add(s.startSeconds() + "-" + s.endSeconds()));
        for (int i = 0; i < bounds.length; i += 2) {
            merger.accept(new SpeechSegment(Math.round(bounds[i] * RATE), Math.round(bounds[i + 1] * RATE)));
        }
        merger.flush();
        return merged;
    }

    @Test
    void joinsNeighboursWhileTheSpanStaysBelowTheLimit() {
        assertEquals(List.of("1.0-14.0", "16.0-20.0"), merge(15, 1, 3, 5, 9, 10, 14, 16, 20));
    }

    @Test
    void startsAtTheFirstSpeechNotAtZero() {
        assertEquals(List.of("4.0-10.0"), merge(15, 4, 6, 8, 10));
    }

    @Test
    void spanExactlyAtTheLimitIsNotJoined() {
        assertEquals(List.of("0.0-5.0", "10.0-15.0"), merge(15, 0, 5, 10, 15));
        assertEquals(List.of("0.0-14.5"), merge(15, 0, 5, 10, 14.5));
    }

    @Test
    void aLongSegmentStaysAloneAndNeighboursMergeAfterIt() {
        assertEquals(List.of("0.0-2.0", "3.0-20.0", "21.0-30.0"),
                merge(15, 0, 2, 3, 20, 21, 23, 24, 30));
    }

    @Test
    void zeroLimitPassesSegmentsThrough() {
        assertEquals(List.of("0.0-1.0", "1.5-2.0"), merge(0, 0, 1, 1.5, 2));
    }

    @Test
    void advanceHandsOnThePendingSegmentOnceNothingCanJoin() {
        List<SpeechSegment> out = new ArrayList<>();
        SegmentMerger merger = new SegmentMerger(15L * RATE, out::add);
        merger.accept(new SpeechSegment(2L * RATE, 4L * RATE));
        merger.advance(16L * RATE);
        assertEquals(0, out.size());
        merger.advance(17L * RATE);
        assertEquals(List.of(new SpeechSegment(2L * RATE, 4L * RATE)), out);
        assertEquals(Long.MAX_VALUE, merger.pendingStart());
    }

    @Test
    void limitIsTheSmallerOfMergeAndMaxSegment() {
        List<SpeechSegment> out = new ArrayList<>();
        SegmentMerger merger = SegmentMerger.of(SegmenterConfig.defaults().withMaxSegmentS(5).withMergeS(15), out::add);
        merger.accept(new SpeechSegment(0, 2L * RATE));
        merger.accept(new SpeechSegment(3L * RATE, 5L * RATE));
        merger.accept(new SpeechSegment(6L * RATE, 7L * RATE));
        merger.flush();
        assertEquals(List.of(new SpeechSegment(0, 2L * RATE), new SpeechSegment(3L * RATE, 7L * RATE)), out);
    }
}
