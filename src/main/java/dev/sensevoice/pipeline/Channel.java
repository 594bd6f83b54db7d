package dev.sensevoice.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToDoubleFunction;

/**
 * A bounded queue between two stages with an explicit end-of-stream: producers {@link #put}
 * (blocking while full), then someone calls {@link #close()}; consumers {@link #take()} until it
 * returns {@code null}. {@link #abandon()} is the cancelled state: queued items are dropped, puts
 * throw {@link InterruptedException} and takes see the end at once.
 *
 * <p>Full means {@code capacity} items or, for a {@link #weighted} channel, items whose weights
 * (seconds of audio, say) add up to its budget: a count alone would let thirty-second segments
 * hold thirty times the memory of one-second ones. An item heavier than the whole budget still
 * goes through, alone.
 */
public final class Channel<T> implements Emitter<T> {
    private final String name;
    private final int capacity;
    private final ArrayDeque<T> items;
    private final ToDoubleFunction<? super T> weight;
    private final double budget;
    private double queuedWeight;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private boolean closed;
    private boolean abandoned;

    public Channel(String name, int capacity) {
        this(name, capacity, item -> 0, Double.POSITIVE_INFINITY);
    }

    private Channel(String name, int capacity, ToDoubleFunction<? super T> weight, double budget) {
        if (capacity < 1) {
            throw new IllegalArgumentException("channel " + name + ": capacity (" + capacity + ") must be positive");
        }
        if (!(budget > 0)) {
            throw new IllegalArgumentException("channel " + name + ": budget (" + budget + ") must be positive");
        }
        this.name = name;
        this.capacity = capacity;
        this.weight = weight;
        this.budget = budget;
        this.items = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /** A channel full at {@code capacity} items or at {@code budget} total weight, whichever comes first. */
    public static <T> Channel<T> weighted(String name, int capacity, ToDoubleFunction<? super T> weight,
            double budget) {
        return new Channel<>(name, capacity, weight, budget);
    }

    public String name() {
        return name;
    }

    /**
     * Adds an item, waiting while the channel is full. Once abandoned it throws
     * {@link InterruptedException}, so a producer stops instead of working on for nobody.
     */
    public void put(T item) throws InterruptedException {
        double w = weight.applyAsDouble(item);
        lock.lockInterruptibly();
        try {
            while (isFull(w) && !abandoned) {
                notFull.await();
            }
            if (abandoned) {
                throw new InterruptedException("channel " + name + " abandoned: the run was cancelled");
            }
            if (closed) {
                throw new IllegalStateException("channel " + name + ": put after end-of-stream");
            }
            items.addLast(item);
            queuedWeight += w;
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    private boolean isFull(double incoming) {
        return items.size() >= capacity || (!items.isEmpty() && queuedWeight + incoming > budget);
    }

    @Override
    public void emit(T item) throws InterruptedException {
        put(item);
    }

    /** The next item, waiting while empty; {@code null} at end-of-stream or once abandoned. */
    public T take() throws InterruptedException {
        List<T> one = take(1, true);
        return one.isEmpty() ? null : one.get(0);
    }

    /**
     * Whatever is queued now, up to {@code max} items. With {@code wait}, waits for at least one
     * item; an empty list then means end-of-stream.
     */
    public List<T> take(int max, boolean wait) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (wait && items.isEmpty() && !closed && !abandoned) {
                notEmpty.await();
            }
            List<T> taken = new ArrayList<>(Math.min(max, items.size()));
            while (taken.size() < max && !items.isEmpty()) {
                T item = items.pollFirst();
                queuedWeight = items.isEmpty() ? 0 : queuedWeight - weight.applyAsDouble(item);
                taken.add(item);
            }
            if (!taken.isEmpty()) {
                notFull.signalAll();
            }
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /** True when nothing is queued right now (the producer is slower, idle or done). */
    public boolean isEmpty() {
        lock.lock();
        try {
            return items.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** End-of-stream: consumers drain what is queued, then see the end. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Cancellation: drops queued items and wakes every waiting producer and consumer. */
    public void abandon() {
        lock.lock();
        try {
            abandoned = true;
            items.clear();
            queuedWeight = 0;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True once end-of-stream was signalled and everything queued was taken, or once abandoned. */
    public boolean isDone() {
        lock.lock();
        try {
            return abandoned || (closed && items.isEmpty());
        } finally {
            lock.unlock();
        }
    }
}
