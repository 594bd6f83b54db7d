package dev.sensevoice.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A forward-only protobuf reader over one message's bytes: enough wire format for the header. */
final class ProtobufReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH = 2;
    static final int FIXED32 = 5;
    private final ByteBuffer buffer;
    private int tag;
    private int valueStart;

    ProtobufReader(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    /** Moves to the next field; false at the end of the message. */
    boolean next() {
        if (tag != 0 && buffer.position() == valueStart) { // the caller ignored this field
            skip();
        }
        if (!buffer.hasRemaining()) {
            return false;
        }
        long key = readVarint();
        tag = (int) key;
        if (field() == 0) {
            throw new IllegalStateException("field number 0");
        }
        valueStart = buffer.position();
        return true;
    }

    int field() {
        return tag >>> 3;
    }

    int wireType() {
        return tag & 7;
    }

    long varint() {
        expect(VARINT);
        return readVarint();
    }

    String string() {
        ByteBuffer bytes = lengthDelimited();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        return new String(copy, StandardCharsets.UTF_8);
    }

    ProtobufReader message() {
        return new ProtobufReader(lengthDelimited());
    }

    void skip() {
        switch (wireType()) {
            case VARINT -> readVarint();
            case FIXED64 -> advance(8);
            case LENGTH -> lengthDelimited();
            case FIXED32 -> advance(4);
            default -> throw new IllegalStateException("wire type " + wireType());
        }
    }

    private ByteBuffer lengthDelimited() {
        expect(LENGTH);
        long length = readVarint();
        if (length < 0 || length > buffer.remaining()) {
            throw new IllegalStateException("length " + length + " past the end");
        }
        ByteBuffer slice = buffer.slice(buffer.position(), (int) length);
        advance((int) length);
        return slice;
    }

    private void advance(int bytes) {
        buffer.position(Math.addExact(buffer.position(), bytes));
    }

    private void expect(int wireType) {
        if (wireType() != wireType) {
            throw new IllegalStateException("field " + field() + ": wire type " + wireType());
        }
    }

    private long readVarint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = buffer.get();
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalStateException("varint too long");
    }
}
