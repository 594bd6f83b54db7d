package dev.sensevoice.pipeline;

import java.util.function.BiConsumer;

/**
 * What a stage does when its handler throws on an item: {@link SkipItem} records the failure and
 * goes on with the next item (a bad file); {@link StopRun} cancels the whole run (a broken model).
 */
public sealed interface FailurePolicy<I> {

    /** Records the failure through {@code recorder} (called on the worker thread) and continues. */
    record SkipItem<I>(BiConsumer<? super I, ? super Exception> recorder) implements FailurePolicy<I> {
    }

    /** The first such failure cancels the run; {@link Pipeline#await()} then throws it. */
    record StopRun<I>() implements FailurePolicy<I> {
    }

    static <I> FailurePolicy<I> skipItem(BiConsumer<? super I, ? super Exception> recorder) {
        return new SkipItem<>(recorder);
    }

    static <I> FailurePolicy<I> stopRun() {
        return new StopRun<>();
    }
}
