package dev.sensevoice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sensevoice.transcribe.Cancellation;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;

class SignalTrapTest {
    @Test
    void theFirstSignalStopsTheIntakeAndTheSecondAbandons() throws Exception {
        Cancellation cancellation = new Cancellation();
        AtomicInteger announced = new AtomicInteger();
        CountDownLatch first = new CountDownLatch(1);
        try (SignalTrap trap = SignalTrap.install(cancellation, () -> {
            announced.incrementAndGet();
            first.countDown();
        })) {
            assumeTrue(trap.active(), "signals cannot be handled on this platform");
            Signal.raise(new Signal("INT"));
            assertTrue(first.await(5, TimeUnit.SECONDS));
            assertEquals(Cancellation.Reason.INTERRUPT, cancellation.reason().orElseThrow());
            Signal.raise(new Signal("INT"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!cancellation.isAbandoned() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(cancellation.isAbandoned());
            assertEquals(1, announced.get());
        }
    }
}
