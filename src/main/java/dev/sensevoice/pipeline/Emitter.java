package dev.sensevoice.pipeline;

/** Where a stage hands its results on; blocks while the next stage is full. */
@FunctionalInterface
public interface Emitter<T> {
    void emit(T item) throws InterruptedException;
}
