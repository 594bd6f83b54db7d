package dev.sensevoice.vad;

/** A stretch of one input's 16 kHz mono audio to be recognised, in samples from the input's start. */
public record SpeechSegment(long startSample, long endSample) {
    public static final int SAMPLE_RATE = 16_000;

    public SpeechSegment {
        if (startSample < 0 || endSample < startSample) {
            throw new IllegalArgumentException("segment [" + startSample + ", " + endSample + ")");
        }
    }

    public long length() {
        return endSample - startSample;
    }

    public double startSeconds() {
        return startSample / (double) SAMPLE_RATE;
    }

    public double endSeconds() {
        return endSample / (double) SAMPLE_RATE;
    }
}
