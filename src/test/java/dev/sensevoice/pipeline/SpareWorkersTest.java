package dev.sensevoice.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SpareWorkersTest {
    @Test
    void aBacklogCallsTheSparesInOnlyAfterEnoughTakesInARow() {
        SpareWorkers spares = new SpareWorkers(3);
        spares.taken(true);
        spares.taken(true);
        spares.taken(false); // the stage caught up: the streak starts again
        spares.taken(true);
        spares.taken(true);
        assertFalse(spares.called());
        spares.taken(true);
        assertTrue(spares.called());
        spares.taken(false);
        assertTrue(spares.called(), "once in, the spares stay in");
    }

    @Test
    void noneMeansEveryWorkerFromTheStart() {
        assertTrue(SpareWorkers.none().called());
        assertThrows(IllegalArgumentException.class, () -> new SpareWorkers(-1));
    }

    @Test
    void aStageThatKeepsUpRunsOnItsFirstWorkerAlone() throws Exception {
        Channel<Integer> in = new Channel<>("in", 4);
        Channel<Integer> out = new Channel<>("out", 4);
        Semaphore handled = new Semaphore(0);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        SpareWorkers spares = new SpareWorkers(3);
        Pipeline p = new Pipeline("t")
                .source("slow", in, emitter -> {
                    for (int i = 0; i < 30; i++) {
                        emitter.emit(i);
                        handled.acquire(); // the next item only once this one is done: never a queue
                    }
                })
                .stage("model", 2, in, out, (i, emitter) -> {
                    threads.add(Thread.currentThread().getName());
                    emitter.emit(i);
                    handled.release();
                }, FailurePolicy.stopRun(), spares)
                .sink("collect", 1, out, (i, emitter) -> { }, FailurePolicy.stopRun());
        p.start();
        p.await(); // the parked spare is woken at the end and sees the end of the stream
        assertEquals(Set.of("t-model-0"), threads);
    }

    @Test
    void aStageThatFallsBehindCallsItsSparesIn() throws Exception {
        Channel<Integer> in = new Channel<>("in", 4);
        Channel<Integer> out = new Channel<>("out", 4);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        SpareWorkers spares = new SpareWorkers(3);
        Pipeline p = new Pipeline("t")
                .source("fast", in, emitter -> {
                    for (int i = 0; i < 40; i++) {
                        emitter.emit(i);
                    }
                })
                .stage("model", 2, in, out, (i, emitter) -> {
                    threads.add(Thread.currentThread().getName());
                    Thread.sleep(10); // slower than the source: the queue stays full
                    emitter.emit(i);
                }, FailurePolicy.stopRun(), spares)
                .sink("collect", 1, out, (i, emitter) -> { }, FailurePolicy.stopRun());
        p.start();
        p.await();
        assertTrue(spares.called());
        assertEquals(Set.of("t-model-0", "t-model-1"), threads);
    }

    @Test
    void cancelEndsAParkedSpare() throws Exception {
        Channel<Integer> in = new Channel<>("in", 1);
        Channel<Integer> out = new Channel<>("out", 1);
        Pipeline p = new Pipeline("t")
                .source("idle", in, emitter -> Thread.sleep(60_000))
                .stage("model", 3, in, out, (i, emitter) -> emitter.emit(i), FailurePolicy.stopRun(),
                        new SpareWorkers(3))
                .sink("collect", 1, out, (i, emitter) -> { }, FailurePolicy.stopRun());
        p.start();
        p.cancel();
        p.await();
        assertTrue(out.isDone());
    }
}
