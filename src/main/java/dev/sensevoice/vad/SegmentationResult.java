package dev.sensevoice.vad;

/**
 * What segmenting one input found: its length (the duration of the decoded audio), how many
 * segments were handed on, and how many samples they hold together.
 */
public record SegmentationResult(long totalSamples, int segments, long segmentSamples) {
    public double durationSeconds() {
        return totalSamples / (double) SpeechSegment.SAMPLE_RATE;
    }
}
