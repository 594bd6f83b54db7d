package dev.sensevoice.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class RunBuffersTest {
    @Test
    void aBufferThatFitsIsLentAgainWithTheRequestedLimit() {
        RunBuffers buffers = new RunBuffers();
        ByteBuffer first = buffers.borrow(4096);
        assertEquals(4096, first.limit());
        assertEquals(ByteOrder.nativeOrder(), first.order());
        buffers.giveBack(first);

        ByteBuffer second = buffers.borrow(1000);
        assertSame(first, second);
        assertEquals(1000, second.limit());
        assertEquals(0, second.position());
        assertEquals(1, buffers.allocations());
    }

    @Test
    void theSmallestFittingBufferIsTakenSoTheLargeOneStaysForLargeRuns() {
        RunBuffers buffers = new RunBuffers();
        ByteBuffer large = buffers.borrow(1 << 20);
        ByteBuffer small = buffers.borrow(1 << 10);
        buffers.giveBack(large);
        buffers.giveBack(small);

        assertSame(small, buffers.borrow(512));
        assertSame(large, buffers.borrow(1 << 19));
        assertEquals(2, buffers.allocations());
    }

    @Test
    void aRequestNothingFitsReplacesTheLargestFreeBufferInsteadOfKeepingIt() {
        RunBuffers buffers = new RunBuffers();
        ByteBuffer a = buffers.borrow(1000);
        ByteBuffer b = buffers.borrow(2000);
        buffers.giveBack(a);
        buffers.giveBack(b);

        ByteBuffer bigger = buffers.borrow(3000);
        assertEquals(3000, bigger.capacity());
        assertEquals(3, buffers.allocations());
        assertEquals(1, buffers.idle(), "the 2000-byte buffer was released, the 1000-byte one kept");
        buffers.giveBack(bigger);
        assertEquals(2, buffers.idle(), "never more buffers than runs were in flight");
        assertSame(a, buffers.borrow(900));
    }

    @Test
    void aBatchBeyondTwoGigabytesIsRefusedWithAHint() {
        var e = assertThrows(IllegalArgumentException.class, () -> new RunBuffers().borrow(1L << 31));
        assertEquals(true, e.getMessage().contains("--batch-s"));
    }
}
