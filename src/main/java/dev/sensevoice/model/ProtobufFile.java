package dev.sensevoice.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A forward-only protobuf reader over a stretch of a file, read by position: small messages are
 * read into memory ({@link #message()}), a large one is walked in place ({@link #enter()}), and a
 * skipped field is never read. The ONNX graph holds the weights inline; mapping the file instead
 * left ~250 MB of a 900 MB model resident (one page-fault block per skipped tensor) until the
 * buffer was collected, on top of the weights ONNX Runtime had loaded.
 */
final class ProtobufFile {
    /** Larger header messages than this are not what a header reader should read into memory. */
    private static final int MAX_MESSAGE = 64 << 20;
    private final FileChannel channel;
    private final long end;
    private final ByteBuffer varintBytes = ByteBuffer.allocate(10);
    private long position;
    private int tag;
    private long valueStart;

    ProtobufFile(FileChannel channel, long start, long end) {
        this.channel = channel;
        this.position = start;
        this.end = end;
    }

    /** Moves to the next field; false at the end of the stretch. */
    boolean next() throws IOException {
        if (tag != 0 && position == valueStart) { // the caller ignored this field
            skip();
        }
        if (position >= end) {
            return false;
        }
        tag = (int) readVarint();
        if (field() == 0) {
            throw new IllegalStateException("field number 0");
        }
        valueStart = position;
        return true;
    }

    int field() {
        return tag >>> 3;
    }

    int wireType() {
        return tag & 7;
    }

    /** This length-delimited field, read into memory. */
    ProtobufReader message() throws IOException {
        long length = length();
        if (length > MAX_MESSAGE) {
            throw new IllegalStateException("field " + field() + ": " + length + " bytes");
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) length);
        while (bytes.hasRemaining()) {
            if (channel.read(bytes, position + bytes.position()) < 0) {
                throw new IllegalStateException("message past the end of the file");
            }
        }
        position += length;
        return new ProtobufReader(bytes.flip());
    }

    /** This length-delimited field as a reader of its own, walked in place. */
    ProtobufFile enter() throws IOException {
        long length = length();
        ProtobufFile inner = new ProtobufFile(channel, position, position + length);
        position += length;
        return inner;
    }

    void skip() throws IOException {
        switch (wireType()) {
            case ProtobufReader.VARINT -> readVarint();
            case ProtobufReader.FIXED64 -> advance(8);
            case ProtobufReader.LENGTH -> advance(length());
            case ProtobufReader.FIXED32 -> advance(4);
            default -> throw new IllegalStateException("wire type " + wireType());
        }
    }

    private long length() throws IOException {
        if (wireType() != ProtobufReader.LENGTH) {
            throw new IllegalStateException("field " + field() + ": wire type " + wireType());
        }
        long length = readVarint();
        if (length < 0 || length > end - position) {
            throw new IllegalStateException("length " + length + " past the end");
        }
        return length;
    }

    private void advance(long bytes) {
        if (bytes > end - position) {
            throw new IllegalStateException("field " + field() + " past the end");
        }
        position += bytes;
    }

    private long readVarint() throws IOException {
        varintBytes.clear().limit((int) Math.min(10, end - position));
        channel.read(varintBytes, position);
        varintBytes.flip();
        long value = 0;
        for (int shift = 0; varintBytes.hasRemaining() && shift < 64; shift += 7) {
            byte b = varintBytes.get();
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                position += varintBytes.position();
                return value;
            }
        }
        throw new IllegalStateException("bad varint at " + position);
    }
}
