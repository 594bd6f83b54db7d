package dev.sensevoice.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Direct buffers that runs borrow for their input features and output logits, and give back. ONNX
 * Runtime reads and writes direct buffers in place, so nothing passes through the Java heap, and
 * the memory stays at what the largest batch in flight needs instead of being allocated (and left
 * to the garbage collector) on every run. Holds at most one buffer per run in flight, per role.
 */
final class RunBuffers {
    private final ConcurrentLinkedQueue<ByteBuffer> free = new ConcurrentLinkedQueue<>();

    /** A buffer of exactly {@code bytes} (limit), native byte order, contents undefined. */
    ByteBuffer borrow(long bytes) {
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a batch of " + bytes + " bytes is too large; lower --batch-s");
        }
        ByteBuffer buffer = free.poll();
        if (buffer == null || buffer.capacity() < bytes) {
            // a too-small buffer is dropped: batches grow to their largest shape early, then this stops
            buffer = ByteBuffer.allocateDirect((int) bytes).order(ByteOrder.nativeOrder());
        }
        buffer.clear().limit((int) bytes);
        return buffer;
    }

    void giveBack(ByteBuffer buffer) {
        free.add(buffer);
    }
}
