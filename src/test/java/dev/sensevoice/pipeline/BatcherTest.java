package dev.sensevoice.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BatcherTest {
    /** A segment with an identity, so "exactly once" can be checked even for equal lengths. */
    record Seg(int id, double seconds) {
    }

    private static Batcher<Seg> batcher(double limit, int maxItems) {
        return new Batcher<>(Seg::seconds, limit, maxItems, 64);
    }

    @Test
    void packsSimilarLengthsWithinTheLimit() {
        List<Seg> segs = List.of(new Seg(0, 10), new Seg(1, 2), new Seg(2, 9), new Seg(3, 3), new Seg(4, 2.5));
        List<List<Seg>> batches = batcher(30, Integer.MAX_VALUE).pack(segs);
        // sorted 2, 2.5, 3, 9, 10: the three short ones fit (3 x 3 = 9), adding 9 s would make 36
        assertEquals(List.of(List.of(1, 4, 3), List.of(2, 0)), ids(batches));
    }

    @Test
    void aSegmentLongerThanTheLimitGoesAlone() {
        List<Seg> segs = List.of(new Seg(0, 45), new Seg(1, 40), new Seg(2, 1));
        assertEquals(List.of(List.of(2), List.of(1), List.of(0)), ids(batcher(30, 99).pack(segs)));
    }

    @Test
    void quantizedModelsGetOneSegmentPerBatch() {
        List<Seg> segs = IntStream.range(0, 5).mapToObj(i -> new Seg(i, 1)).toList();
        List<List<Seg>> batches = batcher(30, 1).pack(segs);
        assertEquals(5, batches.size());
        assertTrue(batches.stream().allMatch(b -> b.size() == 1));
    }

    @Test
    void paddedLengthIsTheLongestTimesTheCount() {
        Batcher<Seg> b = batcher(30, Integer.MAX_VALUE);
        assertEquals(12.0, b.padded(List.of(new Seg(0, 2), new Seg(1, 4), new Seg(2, 3.5))), 1e-12);
        assertEquals(0.0, b.padded(List.of()), 0.0);
        for (List<Seg> batch : b.pack(List.of(new Seg(0, 10), new Seg(1, 2), new Seg(2, 9), new Seg(3, 3)))) {
            assertTrue(b.padded(batch) <= 30, "every packed batch is within the limit by the same measure");
        }
    }

    @Test
    void packingRuleHoldsForRandomLengths() {
        Random random = new Random(20261122);
        for (int round = 0; round < 500; round++) {
            double limit = 1 + random.nextDouble() * 60;
            int maxItems = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : Integer.MAX_VALUE;
            List<Seg> segs = randomSegments(random, random.nextInt(80));
            List<List<Seg>> batches = batcher(limit, maxItems).pack(segs);
            assertInvariants(segs, batches, limit, maxItems);
        }
    }

    @Test
    void packingIsGreedyMinimalForSortedInput() {
        // Adding the next (longer) segment to the previous batch would break the rule: no batch was
        // closed too early.
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            double limit = 5 + random.nextDouble() * 40;
            List<List<Seg>> batches = batcher(limit, Integer.MAX_VALUE).pack(randomSegments(random, 40));
            for (int i = 0; i + 1 < batches.size(); i++) {
                List<Seg> b = batches.get(i);
                double next = batches.get(i + 1).get(0).seconds();
                assertTrue(next * (b.size() + 1) > limit, "batch " + i + " could have taken " + next);
            }
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void streamingRunDeliversEverySegmentOnceAndFlushesAtTheEnd() throws Exception {
        Random random = new Random(3);
        List<Seg> segs = randomSegments(random, 300);
        Channel<Seg> in = new Channel<>("in", 8);
        Channel<List<Seg>> out = new Channel<>("out", 2);
        Batcher<Seg> batcher = new Batcher<>(Seg::seconds, 30, Integer.MAX_VALUE, 16);
        Pipeline p = new Pipeline("test")
                .source("feed", in, o -> { for (Seg s : segs) { o.emit(s); } })
                .loop("batcher", out, o -> batcher.run(in, o));
        List<List<Seg>> batches = new ArrayList<>();
        p.start();
        for (List<Seg> b = out.take(); b != null; b = out.take()) {
            batches.add(b);
        }
        p.await();
        assertInvariants(segs, batches, 30, Integer.MAX_VALUE);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aSlowDownstreamGetsBiggerBatchesAndAnIdleUpstreamIsNotWaitedFor() throws Exception {
        Channel<Seg> in = new Channel<>("in", 100);
        Channel<List<Seg>> out = new Channel<>("out", 1);
        Batcher<Seg> batcher = new Batcher<>(Seg::seconds, 30, Integer.MAX_VALUE, 64);
        for (int i = 0; i < 20; i++) {
            in.put(new Seg(i, 1)); // all queued before the batcher looks: one batch
        }
        Pipeline p = new Pipeline("test").loop("batcher", out, o -> batcher.run(in, o));
        p.start();
        assertEquals(20, out.take().size());
        in.put(new Seg(99, 1)); // upstream still open but idle: flushed without waiting for more
        assertEquals(List.of(new Seg(99, 1)), out.take());
        in.close();
        assertEquals(null, out.take());
        p.await();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void theWindowLengthFlushesBeforeTheItemCountIsReached() throws Exception {
        // 25 s and 5 s in turn: sorted all at once they would give one batch of four 5 s segments;
        // a window of 30 s holds one pair at a time, so each segment goes alone
        List<Seg> segs = IntStream.range(0, 8).mapToObj(i -> new Seg(i, i % 2 == 0 ? 25 : 5)).toList();
        assertEquals(5, batcher(30, Integer.MAX_VALUE).pack(segs).size());
        Channel<Seg> in = new Channel<>("in", 100);
        Channel<List<Seg>> out = new Channel<>("out", 100);
        for (Seg s : segs) {
            in.put(s);
        }
        in.close();
        Batcher<Seg> batcher = new Batcher<>(Seg::seconds, 30, Integer.MAX_VALUE, 64, 30);
        Pipeline p = new Pipeline("test").loop("batcher", out, o -> batcher.run(in, o));
        p.start();
        p.await();
        List<List<Seg>> batches = new ArrayList<>();
        for (List<Seg> b = out.take(); b != null; b = out.take()) {
            batches.add(b);
        }
        assertEquals(List.of(List.of(1), List.of(0), List.of(3), List.of(2), List.of(5), List.of(4),
                List.of(7), List.of(6)), ids(batches));
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> batcher(0, 1));
        assertThrows(IllegalArgumentException.class, () -> batcher(30, 0));
        assertThrows(IllegalArgumentException.class, () -> new Batcher<Seg>(Seg::seconds, 30, 1, 8, 0));
    }

    private static void assertInvariants(List<Seg> segs, List<List<Seg>> batches, double limit, int maxItems) {
        List<Integer> seen = batches.stream().flatMap(List::stream).map(Seg::id).sorted().toList();
        assertEquals(segs.stream().map(Seg::id).sorted().toList(), seen, "every segment exactly once");
        for (List<Seg> b : batches) {
            assertFalse(b.isEmpty());
            assertTrue(b.size() <= maxItems, "at most " + maxItems + " items");
            double longest = b.stream().mapToDouble(Seg::seconds).max().orElseThrow();
            assertTrue(b.size() == 1 || longest * b.size() <= limit,
                    "longest " + longest + " x " + b.size() + " > " + limit);
        }
    }

    private static List<Seg> randomSegments(Random random, int n) {
        List<Seg> segs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double s = random.nextInt(10) == 0 ? 30 + random.nextDouble() * 60 : 0.3 + random.nextDouble() * 20;
            segs.add(new Seg(i, random.nextInt(8) == 0 ? 5.0 : s));
        }
        return segs;
    }

    private static List<List<Integer>> ids(List<List<Seg>> batches) {
        return batches.stream().map(b -> b.stream().map(Seg::id).toList()).toList();
    }

}
