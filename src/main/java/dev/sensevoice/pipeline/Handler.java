package dev.sensevoice.pipeline;

/** The work of one stage on one item: emits zero or more results. May be called from several threads. */
@FunctionalInterface
public interface Handler<I, O> {
    void handle(I item, Emitter<O> out) throws Exception;
}
