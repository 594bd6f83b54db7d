package dev.sensevoice.model;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Direct buffers that runs borrow for one role (input features, or output logits) and give back.
 * ONNX Runtime reads and writes direct buffers in place, so nothing passes through the Java heap,
 * and the memory stays at what the largest batch in flight needs instead of being allocated on
 * every run. Holds at most one buffer per run in flight.
 *
 * <p>A borrow takes the smallest free buffer that fits. When none fits, the largest free one is
 * released at once and a bigger one allocated: a dropped direct buffer would otherwise stay
 * mapped until a full garbage collection, and logits buffers are large (30 s of the full-size
 * vocabulary: 50 MB), so a long run whose segments grow by a few frames at a time held two or
 * three of them (docs/benchmarks.md, Memory).
 */
final class RunBuffers {
    private static final MethodHandle INVOKE_CLEANER = invokeCleaner();

    private final List<ByteBuffer> free = new ArrayList<>();
    private long allocations;

    /** A buffer of exactly {@code bytes} (limit), native byte order, contents undefined. */
    ByteBuffer borrow(long bytes) {
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a batch of " + bytes + " bytes is too large; lower --batch-s");
        }
        ByteBuffer buffer = takeFitting((int) bytes);
        if (buffer == null) {
            buffer = ByteBuffer.allocateDirect((int) bytes).order(ByteOrder.nativeOrder());
            synchronized (this) {
                allocations++;
            }
        }
        buffer.clear().limit((int) bytes);
        return buffer;
    }

    synchronized void giveBack(ByteBuffer buffer) {
        free.add(buffer);
    }

    /** Buffers allocated so far (for tests: a run that fits in what it was given allocates none). */
    synchronized long allocations() {
        return allocations;
    }

    /** Buffers waiting to be borrowed. */
    synchronized int idle() {
        return free.size();
    }

    /** The smallest free buffer of at least {@code bytes}; else null, after releasing the largest too-small one. */
    private ByteBuffer takeFitting(int bytes) {
        ByteBuffer best = null;
        ByteBuffer largest = null;
        synchronized (this) {
            for (ByteBuffer b : free) {
                if (b.capacity() >= bytes && (best == null || b.capacity() < best.capacity())) {
                    best = b;
                }
                if (largest == null || b.capacity() > largest.capacity()) {
                    largest = b;
                }
            }
            if (best != null) {
                free.remove(best);
                return best;
            }
            if (largest != null) {
                free.remove(largest);
            }
        }
        if (largest != null) {
            release(largest);
        }
        return null;
    }

    /** Unmaps a direct buffer now where the JDK allows it (sun.misc.Unsafe.invokeCleaner); else leaves it to GC. */
    private static void release(ByteBuffer buffer) {
        if (INVOKE_CLEANER == null) {
            return;
        }
        try {
            INVOKE_CLEANER.invokeExact(buffer);
        } catch (Throwable e) {
            // not unmapped now: the garbage collector frees it later, as without the handle
        }
    }

    private static MethodHandle invokeCleaner() {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field field = unsafeClass.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return MethodHandles.lookup()
                    .findVirtual(unsafeClass, "invokeCleaner", MethodType.methodType(void.class, ByteBuffer.class))
                    .bindTo(field.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
