package dev.sensevoice.transcribe;

import java.util.Optional;

/**
 * Stops a run from another thread (a signal handler). {@link #stopIntake} takes no new inputs and
 * lets those in flight finish; {@link #abandon} drops those in flight too, without writing partial
 * outputs. Outputs already being written always complete.
 */
public final class Cancellation {
    /** Which signal asked: SIGINT (exit 130) or SIGTERM (exit 143). */
    public enum Reason { INTERRUPT, TERMINATE }

    private volatile Reason reason;
    private volatile boolean abandoned;
    private Runnable onStop = () -> { };
    private Runnable onAbandon = () -> { };

    public void stopIntake(Reason why) {
        Runnable action;
        synchronized (this) {
            if (reason == null) {
                reason = why;
            }
            action = onStop;
        }
        action.run();
    }

    public void abandon(Reason why) {
        Runnable action;
        synchronized (this) {
            if (reason == null) {
                reason = why;
            }
            abandoned = true;
            action = onAbandon;
        }
        action.run();
    }

    public Optional<Reason> reason() {
        return Optional.ofNullable(reason);
    }

    public boolean isAbandoned() {
        return abandoned;
    }

    /** Connects a running run; applies a request that arrived before it started. */
    synchronized void attach(Runnable stop, Runnable abandonNow) {
        onStop = stop;
        onAbandon = abandonNow;
        if (abandoned) {
            abandonNow.run();
        } else if (reason != null) {
            stop.run();
        }
    }

    synchronized void detach() {
        onStop = () -> { };
        onAbandon = () -> { };
    }
}
