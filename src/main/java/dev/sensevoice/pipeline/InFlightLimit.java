package dev.sensevoice.pipeline;

import java.util.HashSet;
import java.util.Set;

/**
 * Caps the total size of the items a stage's workers work on at once. A worker waits while the
 * items already in flight and its own would pass the cap; an item larger than the cap on its own
 * goes when nothing else is in flight. Workers are admitted in the order they arrive, so a large
 * item is never overtaken for ever by small ones.
 *
 * <p>Inference uses it with sizes in padded seconds (longest segment × count) and the cap of one
 * batch: two runs side by side then hold no more activations than one full batch would, where
 * otherwise a second thirty-second run doubles what a long recording needs over a short one.
 */
public final class InFlightLimit {
    private final double cap;
    private double held;
    private int holders;
    private long nextTicket;
    private long serving;
    private final Set<Long> abandoned = new HashSet<>();

    /**
     * @param cap the most that may be in flight at once; an item larger than this goes alone;
     *            {@code Double.POSITIVE_INFINITY}: no cap, every worker goes at once
     */
    public InFlightLimit(double cap) {
        if (!(cap > 0)) {
            throw new IllegalArgumentException("in-flight cap (" + cap + ") must be positive");
        }
        this.cap = cap;
    }

    /** Waits until an item of {@code size} may go; pair with {@link #release(double)}. */
    public synchronized void acquire(double size) throws InterruptedException {
        long ticket = nextTicket++;
        try {
            while (ticket != serving || (holders > 0 && held + size > cap)) {
                wait();
            }
        } catch (InterruptedException e) {
            if (ticket == serving) {
                nextInLine();
            } else {
                abandoned.add(ticket); // skipped when its turn comes
            }
            notifyAll();
            throw e;
        }
        nextInLine();
        held += size;
        holders++;
        notifyAll();
    }

    public synchronized void release(double size) {
        holders--;
        held = holders == 0 ? 0 : held - size;
        notifyAll();
    }

    /** What is in flight now. */
    public synchronized double held() {
        return held;
    }

    /** Runs {@code work} once an item of {@code size} may go. */
    public <T, E extends Exception> T run(double size, Work<T, E> work) throws InterruptedException, E {
        acquire(size);
        try {
            return work.run();
        } finally {
            release(size);
        }
    }

    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private void nextInLine() {
        serving++;
        while (abandoned.remove(serving)) {
            serving++;
        }
    }
}
