package dev.sensevoice.pipeline;

/** A one-thread producer: an intake of work, or a loop over a channel (the batcher). */
@FunctionalInterface
public interface Source<O> {
    void produce(Emitter<O> out) throws Exception;
}
