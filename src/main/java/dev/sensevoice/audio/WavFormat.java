package dev.sensevoice.audio;

import java.util.Map;

/**
 * What a WAV header says about its samples.
 *
 * @param formatTag the fmt chunk's format code (the sub-format for WAVE_FORMAT_EXTENSIBLE)
 * @param encoding how samples are stored, or null when Java cannot decode them (ADPCM, μ-law, ...)
 * @param frameBytes bytes per frame (all channels)
 * @param dataBytes size of the data chunk, or -1 when unknown (streamed WAV: read to the end)
 */
record WavFormat(int formatTag, SampleEncoding encoding, int channels, int sampleRate,
                 int frameBytes, long dataBytes) {
    static final int PCM = 0x0001;
    static final int IEEE_FLOAT = 0x0003;
    static final int EXTENSIBLE = 0xFFFE;

    private static final Map<Integer, String> NAMES = Map.of(
            0x0002, "MS ADPCM", 0x0006, "A-law", 0x0007, "μ-law", 0x0011, "IMA ADPCM",
            0x0031, "GSM 6.10", 0x0050, "MPEG", 0x0055, "MP3");

    /** A readable name for the encoding, for error messages. */
    String encodingName() {
        String name = NAMES.get(formatTag);
        return name != null ? name : String.format("format 0x%04X", formatTag);
    }

    /** Seconds of audio, or null when the data size is unknown. */
    Double durationSeconds() {
        return dataBytes < 0 ? null : (double) (dataBytes / frameBytes) / sampleRate;
    }
}
