package dev.sensevoice.vad;

/**
 * What segmenting one input found: its length (the duration of the decoded audio), how many
 * segments were handed on, how many samples they hold together, and the time spent finding
 * them (for {@code vad_ms}: scoring, tracking and cutting, without reading the source or the
 * consumer's time).
 */
public record SegmentationResult(long totalSamples, int segments, long segmentSamples, long detectorNanos) {
    public double durationSeconds() {
        return totalSamples / (double) SpeechSegment.SAMPLE_RATE;
    }
}
