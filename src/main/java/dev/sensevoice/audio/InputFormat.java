package dev.sensevoice.audio;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** What an input's first bytes say it is; the extension only words error messages. */
enum InputFormat {
    /** RIFF/WAVE or RF64/WAVE: read in Java. */
    WAV,
    /** {@code fLaC} stream (possibly after an ID3v2 tag): read in Java with jflac. */
    FLAC,
    /** A container or codec ffmpeg reads (MP3, Ogg, MP4/M4A, Matroska/WebM, ADTS AAC, ...). */
    OTHER_MEDIA,
    /** No known signature: ffmpeg may still read it, otherwise it is not audio. */
    UNKNOWN,
    /** Zero bytes. */
    EMPTY;

    /** Bytes {@link #sniff} wants to see. */
    static final int HEAD_BYTES = 64;

    static InputFormat sniff(byte[] head, int length) {
        byte[] b = Arrays.copyOf(head, Math.max(length, 12));
        if (length == 0) {
            return EMPTY;
        }
        if ((is(b, 0, "RIFF") || is(b, 0, "RF64")) && is(b, 8, "WAVE")) {
            return WAV;
        }
        if (is(b, 0, "fLaC") || (is(b, 0, "ID3") && is(b, id3Length(b), "fLaC"))) {
            return FLAC;
        }
        return isOtherMedia(b) ? OTHER_MEDIA : UNKNOWN;
    }

    private static boolean isOtherMedia(byte[] b) {
        return is(b, 0, "ID3") || is(b, 0, "OggS") || is(b, 4, "ftyp") || is(b, 0, "RIFF")
                || is(b, 0, "FORM") || is(b, 0, ".snd") || is(b, 0, "#!AMR") || is(b, 0, "wvpk")
                || is(b, 0, "MAC ") || is(b, 0, "caff")
                || (b[0] == 0x1A && (b[1] & 0xFF) == 0x45 && (b[2] & 0xFF) == 0xDF && (b[3] & 0xFF) == 0xA3)
                || (b[0] == 0x30 && b[1] == 0x26 && (b[2] & 0xFF) == 0xB2 && b[3] == 0x75)
                || isMpegAudioSync(b);
    }

    /** MPEG audio frame or ADTS AAC: eleven set sync bits. */
    private static boolean isMpegAudioSync(byte[] b) {
        return (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0;
    }

    /** Where the data after an ID3v2 tag begins (header + syncsafe size). */
    private static int id3Length(byte[] b) {
        int size = (b[6] & 0x7F) << 21 | (b[7] & 0x7F) << 14 | (b[8] & 0x7F) << 7 | (b[9] & 0x7F);
        return 10 + size;
    }

    private static boolean is(byte[] b, int at, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.US_ASCII);
        if (at < 0 || at + expected.length > b.length) {
            return false;
        }
        return Arrays.equals(b, at, at + expected.length, expected, 0, expected.length);
    }
}
