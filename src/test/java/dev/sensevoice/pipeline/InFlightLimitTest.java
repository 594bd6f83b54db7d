package dev.sensevoice.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class InFlightLimitTest {
    private final List<String> admitted = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    /**
     * Starts a thread that acquires {@code size}, notes {@code name} in {@link #admitted}, then waits
     * for {@link #release}; returns once that thread is waiting (for its turn, or for the release).
     */
    private Thread holder(InFlightLimit limit, double size, String name) throws InterruptedException {
        Thread t = new Thread(() -> {
            try {
                limit.acquire(size);
                admitted.add(name);
                release.await();
                limit.release(size);
            } catch (InterruptedException e) {
                admitted.add(name + " interrupted");
            }
        }, name);
        t.start();
        waitUntil(() -> t.getState() == Thread.State.WAITING);
        return t;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Thread.sleep(5);
        }
    }

    @Test
    void itemsThatFitTogetherGoTogether() throws Exception {
        InFlightLimit limit = new InFlightLimit(2);
        limit.acquire(1);
        limit.acquire(1);
        assertEquals(2, limit.held(), 1e-9);
        limit.release(1);
        limit.release(1);
        assertEquals(0, limit.held(), 1e-9);
    }

    @Test
    void anItemThatWouldPassTheCapWaitsForTheOthersToFinish() throws Exception {
        InFlightLimit limit = new InFlightLimit(2);
        limit.acquire(1);
        Thread big = holder(limit, 1.5, "big");
        assertTrue(admitted.isEmpty(), "1 + 1.5 > 2: it must wait");
        limit.release(1);
        waitUntil(() -> admitted.contains("big"));
        assertEquals(1.5, limit.held(), 1e-9);
        release.countDown();
        big.join();
    }

    @Test
    void anItemLargerThanTheCapGoesAloneAndHoldsTheOthersBack() throws Exception {
        InFlightLimit limit = new InFlightLimit(2);
        limit.acquire(5); // a 30 s segment under a 15 s share: alone, but it runs
        Thread small = holder(limit, 0.1, "small");
        assertTrue(admitted.isEmpty());
        limit.release(5);
        waitUntil(() -> admitted.contains("small"));
        release.countDown();
        small.join();
    }

    @Test
    void workersAreAdmittedInTheOrderTheyCameSoALargeItemIsNotOvertaken() throws Exception {
        InFlightLimit limit = new InFlightLimit(2);
        limit.acquire(1);
        Thread large = holder(limit, 2, "large");
        Thread small = holder(limit, 0.5, "small");
        assertTrue(admitted.isEmpty(), "0.5 would fit beside 1, but 'large' came first");
        limit.release(1);
        waitUntil(() -> admitted.contains("large"));
        assertFalse(admitted.contains("small"), "2 + 0.5 > 2");
        release.countDown();
        large.join();
        small.join();
        assertEquals(List.of("large", "small"), admitted);
    }

    @Test
    void anInterruptedWaiterLeavesTheLineToTheNext() throws Exception {
        InFlightLimit limit = new InFlightLimit(2);
        limit.acquire(2);
        Thread first = holder(limit, 1, "first");
        Thread second = holder(limit, 1, "second");
        first.interrupt();
        first.join();
        limit.release(2);
        waitUntil(() -> admitted.contains("second"));
        assertEquals(List.of("first interrupted", "second"), admitted);
        release.countDown();
        second.join();
        assertEquals(0, limit.held(), 1e-9);
    }

    @Test
    void anInfiniteCapNeverWaitsAndACapMustBePositive() throws Exception {
        InFlightLimit none = new InFlightLimit(Double.POSITIVE_INFINITY); // what unbound runs get
        none.acquire(1e6);
        none.acquire(1e6);
        assertEquals(2e6, none.held(), 1);
        assertThrows(IllegalArgumentException.class, () -> new InFlightLimit(0));
        assertEquals("done", new InFlightLimit(1).run(3, () -> "done"));
    }
}
