package dev.sensevoice.transcribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sensevoice.audio.SampleSource;
import dev.sensevoice.vad.SegmentAudio;
import dev.sensevoice.vad.SegmenterConfig;
import dev.sensevoice.vad.SpeechSegmenter;
import dev.sensevoice.vad.VadMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VadSegmentationTest {
    /** {@code seconds} of a quiet 440 Hz tone. */
    private static SampleSource tone(double seconds) {
        return new SampleSource() {
            private final int total = (int) (seconds * SAMPLE_RATE);
            private int position;

            @Override
            public int read(float[] buffer, int offset, int length) {
                if (position == total) {
                    return -1;
                }
                int n = Math.min(length, total - position);
                for (int i = 0; i < n; i++, position++) {
                    buffer[offset + i] = (float) (0.1 * Math.sin(2 * Math.PI * 440 * position / SAMPLE_RATE));
                }
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    private static final Segmentation WHOLE_INPUT = new VadSegmentation(new SpeechSegmenter(
            SegmenterConfig.defaults().withMode(VadMode.NONE).withMaxSegmentS(10).withMergeS(0)));

    @Test
    void segmentsOfTheRealSegmenterArriveInOrder() throws Exception {
        List<SegmentAudio> got = new ArrayList<>();
        WHOLE_INPUT.segment(tone(25), got::add);
        assertEquals(25.0, got.stream().mapToDouble(s -> s.segment().length() / 16000.0).sum(), 1e-9);
        for (int i = 1; i < got.size(); i++) {
            assertEquals(got.get(i - 1).segment().endSample(), got.get(i).segment().startSample());
        }
    }

    @Test
    void aCancelledHandOffComesBackAsAnInterrupt() {
        InterruptedException cancelled = new InterruptedException("abandoned");
        InterruptedException thrown = assertThrows(InterruptedException.class,
                () -> WHOLE_INPUT.segment(tone(25), segment -> {
                    throw cancelled;
                }));
        assertEquals(cancelled, thrown);
    }
}
