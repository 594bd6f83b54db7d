package dev.sensevoice.audio;

/** How one WAV sample is stored, and how it becomes a float in [-1, 1]. */
enum SampleEncoding {
    UNSIGNED_8(1) {
        @Override
        float decode(byte[] b, int at) {
            return ((b[at] & 0xFF) - 128) / 128f;
        }
    },
    SIGNED_16(2) {
        @Override
        float decode(byte[] b, int at) {
            return (short) ((b[at] & 0xFF) | b[at + 1] << 8) / 32768f;
        }
    },
    SIGNED_24(3) {
        @Override
        float decode(byte[] b, int at) {
            return ((b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | b[at + 2] << 16) / 8388608f;
        }
    },
    SIGNED_32(4) {
        @Override
        float decode(byte[] b, int at) {
            return (float) (int32(b, at) / 2147483648.0);
        }
    },
    FLOAT_32(4) {
        @Override
        float decode(byte[] b, int at) {
            return Float.intBitsToFloat(int32(b, at));
        }
    },
    FLOAT_64(8) {
        @Override
        float decode(byte[] b, int at) {
            long low = int32(b, at) & 0xFFFF_FFFFL;
            long high = int32(b, at + 4);
            return (float) Double.longBitsToDouble(high << 32 | low);
        }
    };

    private final int bytes;

    SampleEncoding(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes one sample occupies. */
    int bytes() {
        return bytes;
    }

    /** The little-endian sample at {@code at}. */
    abstract float decode(byte[] b, int at);

    /** Integer PCM stored in {@code containerBytes} bytes (valid bits are left-justified). */
    static SampleEncoding integer(int containerBytes) {
        return switch (containerBytes) {
            case 1 -> UNSIGNED_8;
            case 2 -> SIGNED_16;
            case 3 -> SIGNED_24;
            case 4 -> SIGNED_32;
            default -> null;
        };
    }

    /** IEEE float stored in {@code containerBytes} bytes. */
    static SampleEncoding floating(int containerBytes) {
        return switch (containerBytes) {
            case 4 -> FLOAT_32;
            case 8 -> FLOAT_64;
            default -> null;
        };
    }

    private static int int32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | b[at + 3] << 24;
    }
}
