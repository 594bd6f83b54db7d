package dev.sensevoice.transcribe;

/**
 * The stages in service, replaceable while in use (hot reload). Each run takes a {@link Lease};
 * {@link #replace} makes new runs use the new stages at once, and the old ones are closed when the
 * last lease on them is returned — never while a run still uses their session.
 */
final class LiveStages implements AutoCloseable {
    private Counted current;

    /** Stages with a count of the runs using them; {@code retired} once replaced. */
    private static final class Counted {
        final Stages stages;
        int leases;
        boolean retired;

        Counted(Stages stages) {
            this.stages = stages;
        }
    }

    /** One run's hold on the stages; closing it may close retired stages. */
    final class Lease implements AutoCloseable {
        private final Counted held;
        private boolean returned;

        private Lease(Counted held) {
            this.held = held;
        }

        Stages stages() {
            return held.stages;
        }

        @Override
        public void close() {
            release(this);
        }
    }

    LiveStages(Stages first) {
        this.current = new Counted(first);
    }

    synchronized Lease acquire() {
        if (current == null) {
            throw new IllegalStateException("stages are closed");
        }
        current.leases++;
        return new Lease(current);
    }

    /** New runs get {@code next}; the previous stages close now if idle, else when their last lease returns. */
    void replace(Stages next) {
        Counted old;
        synchronized (this) {
            old = current;
            current = new Counted(next);
            old.retired = true;
            if (old.leases > 0) {
                return;
            }
        }
        old.stages.close();
    }

    private void release(Lease lease) {
        synchronized (this) {
            if (lease.returned) {
                return;
            }
            lease.returned = true;
            lease.held.leases--;
            if (!lease.held.retired || lease.held.leases > 0) {
                return;
            }
        }
        lease.held.stages.close();
    }

    /** Closes the stages in service (call after every lease was returned). */
    @Override
    public void close() {
        Counted last;
        synchronized (this) {
            last = current;
            current = null;
        }
        if (last != null) {
            last.retired = true;
            last.stages.close();
        }
    }
}
