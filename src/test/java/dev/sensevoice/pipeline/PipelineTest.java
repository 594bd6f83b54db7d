package dev.sensevoice.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PipelineTest {
    private static Source<Integer> numbers(int n) {
        return out -> {
            for (int i = 0; i < n; i++) {
                out.emit(i);
            }
        };
    }

    @Test
    void everyItemPassesEveryStageAndEndOfStreamReachesTheSink() throws Exception {
        Channel<Integer> a = new Channel<>("a", 2);
        Channel<Integer> b = new Channel<>("b", 3);
        List<Integer> got = Collections.synchronizedList(new ArrayList<>());
        Pipeline p = new Pipeline("t")
                .source("numbers", a, numbers(200))
                .stage("square", 4, a, b, (i, out) -> out.emit(i * i), FailurePolicy.stopRun())
                .sink("collect", 2, b, (i, out) -> got.add(i), FailurePolicy.stopRun());
        p.start();
        p.await();
        assertEquals(IntStream.range(0, 200).map(i -> i * i).sorted().boxed().toList(),
                got.stream().sorted().toList());
    }

    @Test
    void aSkippedItemIsRecordedAndTheOthersGoOn() throws Exception {
        Channel<Integer> a = new Channel<>("a", 2);
        Channel<Integer> b = new Channel<>("b", 2);
        List<Integer> failed = Collections.synchronizedList(new ArrayList<>());
        List<Integer> got = Collections.synchronizedList(new ArrayList<>());
        Pipeline p = new Pipeline("t")
                .source("numbers", a, numbers(50))
                .stage("picky", 3, a, b, (i, out) -> {
                    if (i % 7 == 0) {
                        throw new IllegalStateException("bad " + i);
                    }
                    out.emit(i);
                }, FailurePolicy.<Integer>skipItem((i, e) -> failed.add(i)))
                .sink("collect", 1, b, (i, out) -> got.add(i), FailurePolicy.stopRun());
        p.start();
        p.await();
        assertEquals(List.of(0, 7, 14, 21, 28, 35, 42, 49), failed.stream().sorted().toList());
        assertEquals(50 - 8, got.size());
    }

    @Test
    void aStopRunFailureCancelsEverythingAndIsThrown() {
        Channel<Integer> a = new Channel<>("a", 2);
        Channel<Integer> b = new Channel<>("b", 2);
        Pipeline p = new Pipeline("t")
                .source("endless", a, out -> {
                    for (int i = 0; ; i++) {
                        out.emit(i);
                    }
                })
                .stage("model", 2, a, b, (i, out) -> {
                    if (i == 10) {
                        throw new IllegalStateException("model broke");
                    }
                    out.emit(i);
                }, FailurePolicy.stopRun())
                .sink("collect", 1, b, (i, out) -> { }, FailurePolicy.stopRun());
        p.start();
        PipelineFailedException e = assertThrows(PipelineFailedException.class, p::await);
        assertEquals("model", e.stage());
        assertTrue(e.getMessage().contains("model broke"));
        assertTrue(p.isCancelled());
    }

    @Test
    void cancelLetsTheSinkFinishItsItemAndInterruptsTheRest() throws Exception {
        Channel<Integer> a = new Channel<>("a", 2);
        Channel<Integer> b = new Channel<>("b", 2);
        CountDownLatch sinkBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        Pipeline p = new Pipeline("t")
                .source("endless", a, out -> {
                    for (int i = 0; ; i++) {
                        out.emit(i);
                    }
                })
                .stage("slow", 1, a, b, (i, out) -> {
                    out.emit(i);
                    Thread.sleep(60_000); // interrupted by cancel
                }, FailurePolicy.stopRun())
                .sink("write", 1, b, (i, out) -> {
                    sinkBusy.countDown();
                    release.await(); // an interrupt would end this early; cancel must not send one
                    written.add(i);
                }, FailurePolicy.stopRun());
        p.start();
        sinkBusy.await();
        p.cancel();
        release.countDown();
        p.await();
        assertEquals(List.of(0), written);
    }

    @Test
    void stopSourcesLetsQueuedWorkDrain() throws Exception {
        Channel<Integer> a = new Channel<>("a", 1);
        Channel<Integer> b = new Channel<>("b", 100);
        CountDownLatch started = new CountDownLatch(3);
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        Pipeline p = new Pipeline("t")
                .source("endless", a, out -> {
                    for (int i = 0; ; i++) {
                        out.emit(i);
                        started.countDown();
                    }
                })
                .stage("work", 1, a, b, (i, out) -> out.emit(i), FailurePolicy.stopRun())
                .sink("collect", 1, b, (i, out) -> done.add(i), FailurePolicy.stopRun());
        p.start();
        started.await();
        p.stopSources();
        p.await();
        int max = done.stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertEquals(max + 1, done.size(), "every item taken in was finished, none lost");
    }

    @Test
    void anAbandonedChannelEndsTakesAndStopsProducers() throws Exception {
        Channel<String> c = new Channel<>("c", 1);
        c.put("x");
        c.abandon();
        assertThrows(InterruptedException.class, () -> c.put("y"));
        assertEquals(null, c.take());
        assertTrue(c.isDone());
    }

    @Test
    void aClosedChannelDrainsBeforeEnding() throws Exception {
        Channel<String> c = new Channel<>("c", 3);
        c.put("x");
        c.put("y");
        c.close();
        assertEquals(List.of("x", "y"), c.take(10, true));
        assertEquals(List.of(), c.take(10, true));
        assertThrows(IllegalStateException.class, () -> c.put("z"));
    }
}
