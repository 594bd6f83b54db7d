package dev.sensevoice.pipeline;

/**
 * Holds a stage's workers after the first until the stage falls behind its input: they are called
 * in once the first worker has found another item already waiting {@code backlog} times in a row,
 * and stay in for the rest of the run. A second inference run in flight holds a second set of
 * activations; that memory is worth spending only when the second run adds throughput, which it
 * does only when batches queue up (the full-size network on CPU) and not when inference outpaces
 * decoding and the VAD (small networks), where it would only make memory depend on timing.
 */
public final class SpareWorkers {
    /** Takes in a row that found more waiting: more than the two batches one batcher window emits at once. */
    public static final int DEFAULT_BACKLOG = 3;

    private final int backlog;
    private int streak;
    private boolean called;

    /** @param backlog takes in a row with more waiting that call the spares in; 0 = in from the start */
    public SpareWorkers(int backlog) {
        if (backlog < 0) {
            throw new IllegalArgumentException("backlog (" + backlog + ") must not be negative");
        }
        this.backlog = backlog;
        this.called = backlog == 0;
    }

    /** Every worker busy from the start. */
    public static SpareWorkers none() {
        return new SpareWorkers(0);
    }

    /** True once the spare workers have been called in. */
    public synchronized boolean called() {
        return called;
    }

    /** The first worker took an item; {@code moreWaiting}: another was already queued behind it. */
    synchronized void taken(boolean moreWaiting) {
        if (!called) {
            streak = moreWaiting ? streak + 1 : 0;
            if (streak >= backlog) {
                callIn();
            }
        }
    }

    /** Calls the spares in: on a backlog, or when the first worker ends (so they see the end too). */
    synchronized void callIn() {
        called = true;
        notifyAll();
    }

    synchronized void awaitCall() throws InterruptedException {
        while (!called) {
            wait();
        }
    }
}
