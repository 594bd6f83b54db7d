package dev.sensevoice.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Packs items into batches whose longest × count ≤ {@code limit} (an item longer than the limit
 * goes alone), at most {@code maxItems} per batch, grouping similar lengths: it takes whatever is
 * queued now (up to {@code window} items, or items of {@code windowLength} in total), sorts it by
 * length and packs it. The window bounds what it holds, so memory does not follow item lengths.
 *
 * <p>It never waits with items in hand: when the upstream has nothing more queued right now (idle or
 * ended), it flushes what it holds. Batches therefore grow by themselves when the downstream is the
 * slow side (the queue fills while it works) and stay small when it is idle.
 */
public final class Batcher<T> {
    private final ToDoubleFunction<? super T> length;
    private final double limit;
    private final int maxItems;
    private final int window;
    private final double windowLength;

    public Batcher(ToDoubleFunction<? super T> length, double limit, int maxItems, int window) {
        this(length, limit, maxItems, window, Double.POSITIVE_INFINITY);
    }

    public Batcher(ToDoubleFunction<? super T> length, double limit, int maxItems, int window,
            double windowLength) {
        if (!(limit > 0)) {
            throw new IllegalArgumentException("batch limit (" + limit + ") must be positive");
        }
        if (maxItems < 1 || window < 1 || !(windowLength > 0)) {
            throw new IllegalArgumentException("batch max items (" + maxItems + "), window ("
                    + window + ") and window length (" + windowLength + ") must be positive");
        }
        this.length = length;
        this.limit = limit;
        this.maxItems = maxItems;
        this.window = window;
        this.windowLength = windowLength;
    }

    /** Reads {@code in} until end-of-stream, emitting batches; run it with {@link Pipeline#loop}. */
    public void run(Channel<T> in, Emitter<List<T>> out) throws InterruptedException {
        List<T> pending = new ArrayList<>();
        double pendingLength = 0;
        while (true) {
            // one at a time, so neither the window's count nor its length is overshot
            List<T> taken = in.take(1, pending.isEmpty());
            if (taken.isEmpty() && pending.isEmpty()) {
                return;
            }
            for (T item : taken) {
                pending.add(item);
                pendingLength += length.applyAsDouble(item);
            }
            if (pending.size() >= window || pendingLength >= windowLength || in.isEmpty()) {
                for (List<T> batch : pack(pending)) {
                    out.emit(batch);
                }
                pending.clear();
                pendingLength = 0;
            }
        }
    }

    /** The packing rule on its own: sorted by length (stable), each batch filled while it fits. */
    public List<List<T>> pack(List<T> items) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingDouble(length));
        List<List<T>> batches = new ArrayList<>();
        List<T> current = new ArrayList<>();
        for (T item : sorted) {
            if (!current.isEmpty() && !fits(current.size() + 1, length.applyAsDouble(item))) {
                batches.add(current);
                current = new ArrayList<>();
            }
            current.add(item);
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /** What a batch costs the model: its longest item × its count (every item is padded to the longest). */
    public double padded(List<? extends T> batch) {
        return batch.size() * batch.stream().mapToDouble(length).max().orElse(0);
    }

    /** Sorted ascending, the newest item is the longest, so it decides the padded size. */
    private boolean fits(int count, double longest) {
        return count <= maxItems && longest * count <= limit;
    }
}
