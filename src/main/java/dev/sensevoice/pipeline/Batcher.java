package dev.sensevoice.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Packs items into batches whose longest × count ≤ {@code limit} (an item longer than the limit
 * goes alone), at most {@code maxItems} per batch, grouping similar lengths: it takes whatever is
 * queued now (up to {@code window} items), sorts it by length and packs it.
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

    public Batcher(ToDoubleFunction<? super T> length, double limit, int maxItems, int window) {
        if (!(limit > 0)) {
            throw new IllegalArgumentException("batch limit (" + limit + ") must be positive");
        }
        if (maxItems < 1 || window < 1) {
            throw new IllegalArgumentException("batch max items (" + maxItems + ") and window ("
                    + window + ") must be positive");
        }
        this.length = length;
        this.limit = limit;
        this.maxItems = maxItems;
        this.window = window;
    }

    /** Reads {@code in} until end-of-stream, emitting batches; run it with {@link Pipeline#loop}. */
    public void run(Channel<T> in, Emitter<List<T>> out) throws InterruptedException {
        List<T> pending = new ArrayList<>();
        while (true) {
            List<T> taken = in.take(window - pending.size(), pending.isEmpty());
            if (taken.isEmpty() && pending.isEmpty()) {
                return;
            }
            pending.addAll(taken);
            if (pending.size() >= window || in.isEmpty()) {
                for (List<T> batch : pack(pending)) {
                    out.emit(batch);
                }
                pending.clear();
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

    /** Sorted ascending, the newest item is the longest, so it decides the padded size. */
    private boolean fits(int count, double longest) {
        return count <= maxItems && longest * count <= limit;
    }
}
