package dev.sensevoice.audio;

/**
 * What a quick look at an input's header tells, for progress and ETA. Each field is null when
 * unknown (Opus, streamed WAV, unreadable tags); probing never fails an input.
 *
 * @param durationSeconds precise duration in seconds, or null
 * @param sampleRate native sample rate in Hz, or null
 * @param channels native channel count, or null
 */
public record AudioInfo(Double durationSeconds, Integer sampleRate, Integer channels) {
    private static final AudioInfo UNKNOWN = new AudioInfo(null, null, null);

    public AudioInfo {
        if (durationSeconds != null && !(durationSeconds >= 0 && Double.isFinite(durationSeconds))) {
            durationSeconds = null;
        }
        if (sampleRate != null && sampleRate <= 0) {
            sampleRate = null;
        }
        if (channels != null && channels <= 0) {
            channels = null;
        }
    }

    /** Nothing known about the input. */
    public static AudioInfo unknown() {
        return UNKNOWN;
    }
}
