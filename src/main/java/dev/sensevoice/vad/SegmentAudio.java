package dev.sensevoice.vad;

/** A speech segment with its 16 kHz mono samples. */
public record SegmentAudio(SpeechSegment segment, float[] samples) {
    public SegmentAudio {
        if (samples.length != segment.length()) {
            throw new IllegalArgumentException(samples.length + " samples for " + segment);
        }
    }
}
