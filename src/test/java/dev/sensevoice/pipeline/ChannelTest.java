package dev.sensevoice.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ChannelTest {
    /** Seconds of audio, as the transcription queues weigh their segments. */
    private static Channel<Double> seconds(int capacity, double budget) {
        return Channel.weighted("audio", capacity, s -> s, budget);
    }

    /** Puts {@code item} on another thread; the future completes once the put went through. */
    private static CompletableFuture<Void> putLater(Channel<Double> channel, double item) {
        return CompletableFuture.runAsync(() -> {
            try {
                channel.put(item);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static boolean blocked(CompletableFuture<Void> put) throws Exception {
        try {
            put.get(200, TimeUnit.MILLISECONDS);
            return false;
        } catch (TimeoutException e) {
            return true;
        }
    }

    @Test
    void aWeightedChannelIsFullAtItsBudgetWhateverTheCount() throws Exception {
        Channel<Double> channel = seconds(100, 60);
        channel.put(30.0);
        channel.put(25.0);
        CompletableFuture<Void> third = putLater(channel, 10.0); // 65 s > 60 s: waits
        assertTrue(blocked(third));
        assertEquals(List.of(30.0), channel.take(1, true));
        third.get(5, TimeUnit.SECONDS); // 35 s queued now
        assertEquals(List.of(25.0, 10.0), channel.take(10, false));
        assertTrue(channel.isEmpty());
    }

    @Test
    void anItemHeavierThanTheBudgetGoesThroughAlone() throws Exception {
        Channel<Double> channel = seconds(100, 60);
        channel.put(90.0); // empty channel: admitted, or it could never pass
        CompletableFuture<Void> next = putLater(channel, 1.0);
        assertTrue(blocked(next));
        assertEquals(90.0, channel.take());
        next.get(5, TimeUnit.SECONDS);
        assertEquals(1.0, channel.take());
    }

    @Test
    void theCountStillBoundsLightItems() throws Exception {
        Channel<Double> channel = seconds(2, 1000);
        channel.put(0.5);
        channel.put(0.5);
        assertTrue(blocked(putLater(channel, 0.5)));
    }

    @Test
    void abandoningWakesAWaitingProducerAndForgetsTheWeight() throws Exception {
        Channel<Double> channel = seconds(10, 10);
        channel.put(10.0);
        CompletableFuture<Void> waiting = putLater(channel, 5.0);
        assertTrue(blocked(waiting));
        channel.abandon();
        assertThrows(Exception.class, () -> waiting.get(5, TimeUnit.SECONDS));
        assertNull(channel.take());
        assertTrue(channel.isDone());
    }

    @Test
    void rejectsABudgetThatAdmitsNothing() {
        assertThrows(IllegalArgumentException.class, () -> seconds(4, 0));
        assertFalse(seconds(4, 1).isDone());
    }
}
