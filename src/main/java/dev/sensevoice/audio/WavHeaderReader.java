package dev.sensevoice.audio;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Walks the RIFF chunks of a WAV (or RF64) stream up to the start of its {@code data} chunk,
 * skipping unknown chunks and their odd-size pad byte.
 */
final class WavHeaderReader {
    private static final long UNKNOWN_SIZE = 0xFFFF_FFFFL;
    private static final int MAX_FMT_BYTES = 1 << 16;
    /** The 14 bytes every KSDATAFORMAT_SUBTYPE GUID ends with after its 2-byte format code. */
    private static final byte[] GUID_TAIL = {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA,
        0, 0x38, (byte) 0x9B, 0x71};

    private final InputStream in;
    private final Path file;
    private long ds64DataBytes = -1;

    private WavHeaderReader(InputStream in, Path file) {
        this.in = in;
        this.file = file;
    }

    /** Reads the header; {@code in} is left at the first byte of sample data. */
    static WavFormat read(InputStream in, Path file) throws IOException {
        return new WavHeaderReader(in, file).readHeader();
    }

    private WavFormat readHeader() throws IOException {
        try {
            boolean rf64 = "RF64".equals(fourCc());
            readUint32();
            fourCc();
            return readChunks(rf64);
        } catch (EOFException e) {
            throw new AudioException(file, "truncated WAV header (no complete fmt and data chunk)");
        }
    }

    private WavFormat readChunks(boolean rf64) throws IOException {
        ByteBuffer fmt = null;
        while (true) {
            String id = fourCc();
            long size = readUint32();
            if (id.equals("data")) {
                return format(fmt, dataBytes(size, rf64));
            } else if (id.equals("fmt ")) {
                fmt = readFmt(size);
            } else if (id.equals("ds64") && rf64) {
                readDs64(size);
            } else {
                in.skipNBytes(size + (size & 1));
            }
        }
    }

    private long dataBytes(long size, boolean rf64) {
        if (rf64 && size == UNKNOWN_SIZE) {
            return ds64DataBytes;
        }
        return size == 0 || size == UNKNOWN_SIZE ? -1 : size;
    }

    private ByteBuffer readFmt(long size) throws IOException {
        if (size < 16 || size > MAX_FMT_BYTES) {
            throw new AudioException(file, "malformed WAV header (fmt chunk of " + size + " bytes)");
        }
        byte[] bytes = in.readNBytes((int) (size + (size & 1)));
        if (bytes.length < size) {
            throw new EOFException();
        }
        return ByteBuffer.wrap(bytes, 0, (int) size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private void readDs64(long size) throws IOException {
        ByteBuffer ds64 = readFmt(size < 16 ? 16 : size);
        ds64.getLong();
        ds64DataBytes = ds64.getLong();
    }

    private WavFormat format(ByteBuffer fmt, long dataBytes) throws AudioException {
        if (fmt == null) {
            throw new AudioException(file, "malformed WAV header (data chunk before fmt chunk)");
        }
        int tag = fmt.getShort(0) & 0xFFFF;
        int channels = fmt.getShort(2) & 0xFFFF;
        long rate = fmt.getInt(4) & 0xFFFF_FFFFL;
        int blockAlign = fmt.getShort(12) & 0xFFFF;
        int bits = fmt.getShort(14) & 0xFFFF;
        if (channels == 0) {
            throw new AudioException(file, "WAV header declares zero channels");
        }
        if (rate == 0 || rate > Integer.MAX_VALUE) {
            throw new AudioException(file, "WAV header declares sample rate " + rate);
        }
        if (tag == WavFormat.EXTENSIBLE) {
            tag = subFormat(fmt);
        }
        int container = containerBytes(blockAlign, channels, bits);
        return new WavFormat(tag, encoding(tag, container), channels, (int) rate,
                container * channels, dataBytes);
    }

    /** Bytes per sample: the block alignment tells the container when it is consistent. */
    private static int containerBytes(int blockAlign, int channels, int bits) {
        int fromBits = (bits + 7) / 8;
        boolean aligned = blockAlign > 0 && blockAlign % channels == 0;
        return aligned && blockAlign / channels >= fromBits ? blockAlign / channels : Math.max(fromBits, 1);
    }

    private static int subFormat(ByteBuffer fmt) {
        if (fmt.limit() < 40) {
            return WavFormat.EXTENSIBLE;
        }
        byte[] guid = new byte[16];
        fmt.get(24, guid);
        boolean standard = Arrays.equals(guid, 2, 16, GUID_TAIL, 0, GUID_TAIL.length);
        return standard ? (guid[0] & 0xFF) | (guid[1] & 0xFF) << 8 : WavFormat.EXTENSIBLE;
    }

    private static SampleEncoding encoding(int tag, int containerBytes) {
        return switch (tag) {
            case WavFormat.PCM -> SampleEncoding.integer(containerBytes);
            case WavFormat.IEEE_FLOAT -> SampleEncoding.floating(containerBytes);
            default -> null;
        };
    }

    private String fourCc() throws IOException {
        return new String(readExactly(4), StandardCharsets.US_ASCII);
    }

    private long readUint32() throws IOException {
        return ByteBuffer.wrap(readExactly(4)).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFF_FFFFL;
    }

    private byte[] readExactly(int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new EOFException();
        }
        return bytes;
    }
}
