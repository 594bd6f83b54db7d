package dev.sensevoice.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A bounded staged pipeline that owns its threads. Declare sources, stages and sinks over
 * {@link Channel}s, {@link #start()}, then {@link #await()}. A channel is closed (end-of-stream)
 * when the last worker writing to it finishes.
 *
 * <p>Cancellation: {@link #stopSources()} ends the intake and lets queued work drain;
 * {@link #cancel()} abandons every channel and interrupts workers, except sink workers, which finish
 * the item in hand (so an output being written is completed, never cut off) and then stop.
 */
public final class Pipeline {
    private final String name;
    private final List<Worker> workers = new ArrayList<>();
    private final List<Channel<?>> channels = new ArrayList<>();
    private final AtomicReference<PipelineFailedException> failure = new AtomicReference<>();
    private volatile boolean cancelled;
    private volatile boolean sourcesStopped;
    private boolean started;

    public Pipeline(String name) {
        this.name = name;
    }

    /** An intake run on one thread: stopped by {@link #stopSources()}; closes {@code out} when done. */
    public <O> Pipeline source(String stage, Channel<O> out, Source<O> source) {
        return task(stage, out, source, Kind.SOURCE);
    }

    /** A loop on one thread that reads channels itself (the batcher); closes {@code out} when done. */
    public <O> Pipeline loop(String stage, Channel<O> out, Source<O> loop) {
        return task(stage, out, loop, Kind.LOOP);
    }

    /** {@code count} workers applying {@code handler} to each item of {@code in}; closes {@code out} when all end. */
    public <I, O> Pipeline stage(String stage, int count, Channel<I> in, Channel<O> out,
            Handler<I, O> handler, FailurePolicy<? super I> policy) {
        return stage(stage, count, in, out, handler, policy, SpareWorkers.none());
    }

    /** As above, with every worker after the first held back until {@code spares} calls them in. */
    public <I, O> Pipeline stage(String stage, int count, Channel<I> in, Channel<O> out,
            Handler<I, O> handler, FailurePolicy<? super I> policy, SpareWorkers spares) {
        register(out);
        register(in);
        Runnable end = countdown(count, out);
        add(stage + "-0", Kind.STAGE, () -> drainFirst(stage, in, out, handler, policy, spares), end);
        for (int i = 1; i < count; i++) {
            add(stage + "-" + i, Kind.STAGE, () -> drainSpare(stage, in, out, handler, policy, spares), end);
        }
        return this;
    }

    /** The last stage: not interrupted by {@link #cancel()}, so the item in hand always completes. */
    public <I> Pipeline sink(String stage, int count, Channel<I> in, Handler<I, Void> handler,
            FailurePolicy<? super I> policy) {
        register(in);
        for (int i = 0; i < count; i++) {
            add(stage + "-" + i, Kind.SINK, () -> drain(stage, in, item -> { }, handler, policy, () -> { }), () -> { });
        }
        return this;
    }

    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("pipeline " + name + " already started");
        }
        started = true;
        workers.forEach(w -> w.thread.start());
    }

    /** Waits for every worker; throws the first {@link FailurePolicy.StopRun} failure, if any. */
    public void await() throws InterruptedException, PipelineFailedException {
        for (Worker w : workers) {
            w.thread.join();
        }
        PipelineFailedException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
    }

    /** Ends the intake: sources are interrupted and their channels closed; queued work drains. */
    public void stopSources() {
        sourcesStopped = true;
        workers.stream().filter(w -> w.kind == Kind.SOURCE).forEach(w -> w.thread.interrupt());
    }

    /** Abandons the run: queued items are dropped and workers interrupted (sinks finish their item). */
    public void cancel() {
        cancelled = true;
        synchronized (channels) {
            channels.forEach(Channel::abandon);
        }
        workers.stream().filter(w -> w.kind != Kind.SINK).forEach(w -> w.thread.interrupt());
    }

    public boolean isCancelled() {
        return cancelled;
    }

    private <O> Pipeline task(String stage, Channel<O> out, Source<O> body, Kind kind) {
        register(out);
        add(stage, kind, () -> runTask(stage, out, body, kind), out::close);
        return this;
    }

    private void runTask(String stage, Channel<?> out, Source<?> body, Kind kind) {
        @SuppressWarnings("unchecked")
        Source<Object> source = (Source<Object>) body;
        @SuppressWarnings("unchecked")
        Channel<Object> channel = (Channel<Object>) out;
        if (cancelled || (kind == Kind.SOURCE && sourcesStopped)) {
            return; // stopped before this thread ran: an interrupt of an unstarted thread is lost
        }
        try {
            source.produce(channel);
        } catch (InterruptedException e) {
            // stopSources() or cancel(): end the stream here.
        } catch (Exception e) {
            if (!cancelled && !(kind == Kind.SOURCE && sourcesStopped)) {
                fail(stage, e);
            }
        }
    }

    private <I, O> void drain(String stage, Channel<I> in, Emitter<O> out, Handler<I, O> handler,
            FailurePolicy<? super I> policy, Runnable afterTake) {
        try {
            for (I item = in.take(); item != null; item = in.take()) {
                afterTake.run();
                if (!handleOne(stage, item, out, handler, policy)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // cancelled
        }
    }

    /** The first worker of a stage: tells {@code spares} whether work queues up behind it. */
    private <I, O> void drainFirst(String stage, Channel<I> in, Emitter<O> out, Handler<I, O> handler,
            FailurePolicy<? super I> policy, SpareWorkers spares) {
        try {
            drain(stage, in, out, handler, policy, () -> spares.taken(!in.isEmpty()));
        } finally {
            spares.callIn(); // parked spares must wake to see the end of the stream
        }
    }

    private <I, O> void drainSpare(String stage, Channel<I> in, Emitter<O> out, Handler<I, O> handler,
            FailurePolicy<? super I> policy, SpareWorkers spares) {
        try {
            spares.awaitCall();
        } catch (InterruptedException e) {
            return; // cancelled while parked
        }
        drain(stage, in, out, handler, policy, () -> { });
    }

    /** Runs the handler on one item; false when the worker should stop. */
    private <I, O> boolean handleOne(String stage, I item, Emitter<O> out, Handler<I, O> handler,
            FailurePolicy<? super I> policy) throws InterruptedException {
        try {
            handler.handle(item, out);
            return !cancelled;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            if (cancelled) {
                return false;
            }
            if (policy instanceof FailurePolicy.SkipItem<? super I> skip) {
                skip.recorder().accept(item, e);
                return true;
            }
            fail(stage, e);
            return false;
        }
    }

    private void fail(String stage, Throwable cause) {
        if (failure.compareAndSet(null, new PipelineFailedException(stage, cause))) {
            cancel();
        }
    }

    private void add(String workerName, Kind kind, Runnable body, Runnable onEnd) {
        if (started) {
            throw new IllegalStateException("pipeline " + name + " already started");
        }
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable t) { // an Error in a worker must not hang the others
                fail(workerName, t);
            } finally {
                onEnd.run();
            }
        }, name + "-" + workerName);
        thread.setDaemon(true);
        workers.add(new Worker(thread, kind));
    }

    private void register(Channel<?> channel) {
        synchronized (channels) {
            if (!channels.contains(channel)) {
                channels.add(channel);
            }
        }
    }

    private static Runnable countdown(int count, Channel<?> out) {
        if (count < 1) {
            throw new IllegalArgumentException("a stage needs at least one worker, not " + count);
        }
        AtomicInteger left = new AtomicInteger(count);
        return () -> {
            if (left.decrementAndGet() == 0) {
                out.close();
            }
        };
    }

    private enum Kind { SOURCE, LOOP, STAGE, SINK }

    private record Worker(Thread thread, Kind kind) {
    }
}
