package dev.sensevoice.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes WAV files byte by byte for tests, independently of the parser under test. */
final class WavBytes {
    private WavBytes() {
    }

    /** A RIFF/WAVE file made of the given chunks (each already framed by {@link #chunk}). */
    static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ascii("WAVE"));
        for (byte[] chunk : chunks) {
            body.writeBytes(chunk);
        }
        return concat(ascii("RIFF"), le32(body.size()), body.toByteArray());
    }

    /** A chunk with its 8-byte header and, for an odd size, the pad byte. */
    static byte[] chunk(String id, byte[] body) {
        return chunk(id, body, body.length);
    }

    /** A chunk whose size field says {@code declaredSize} (for streamed or lying headers). */
    static byte[] chunk(String id, byte[] body, long declaredSize) {
        byte[] pad = new byte[body.length % 2];
        return concat(ascii(id), le32(declaredSize), body, pad);
    }

    /** A plain 16-byte fmt body. */
    static byte[] fmt(int tag, int channels, int rate, int bits) {
        int blockAlign = channels * ((bits + 7) / 8);
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) tag)
                .putShort((short) channels).putInt(rate).putInt(rate * blockAlign)
                .putShort((short) blockAlign).putShort((short) bits).array();
    }

    /** A 40-byte WAVE_FORMAT_EXTENSIBLE fmt body whose sub-format GUID carries {@code tag}. */
    static byte[] fmtExtensible(int tag, int channels, int rate, int bits) {
        byte[] guidTail = {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38,
            (byte) 0x9B, 0x71};
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        b.put(fmt(0xFFFE, channels, rate, bits)).putShort((short) 22).putShort((short) bits)
                .putInt(0).putShort((short) tag).put(guidTail);
        return b.array();
    }

    /** Samples {@code [frame][channel]} encoded as integer PCM (8-bit unsigned) or IEEE float. */
    static byte[] samples(double[][] frames, boolean floating, int bits) {
        ByteBuffer b = ByteBuffer.allocate(frames.length * frames[0].length * bits / 8)
                .order(ByteOrder.LITTLE_ENDIAN);
        for (double[] frame : frames) {
            for (double x : frame) {
                put(b, x, floating, bits);
            }
        }
        return b.array();
    }

    private static void put(ByteBuffer b, double x, boolean floating, int bits) {
        if (floating) {
            if (bits == 32) {
                b.putFloat((float) x);
            } else {
                b.putDouble(x);
            }
            return;
        }
        long full = 1L << (bits - 1);
        long q = Math.max(-full, Math.min(full - 1, Math.round(x * full)));
        switch (bits) {
            case 8 -> b.put((byte) (q + 128));
            case 16 -> b.putShort((short) q);
            case 24 -> b.put((byte) q).put((byte) (q >> 8)).put((byte) (q >> 16));
            default -> b.putInt((int) q);
        }
    }

    /** Test signal: channel c is a sine of 300·(c+1) Hz with amplitude 0.8/(c+1). */
    static double[][] sines(int channels, int rate, int frames) {
        double[][] x = new double[frames][channels];
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                x[i][c] = AudioFixtures.sine(0.8 / (c + 1), 300.0 * (c + 1), rate, i);
            }
        }
        return x;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] le32(long value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
