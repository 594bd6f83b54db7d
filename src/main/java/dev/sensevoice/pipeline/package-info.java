/**
 * Generic staged-pipeline mechanics, with no audio types: bounded {@link dev.sensevoice.pipeline.Channel}s
 * with explicit end-of-stream, worker pools per stage, a named {@link dev.sensevoice.pipeline.FailurePolicy}
 * per stage, cancellation, and the {@link dev.sensevoice.pipeline.Batcher}.
 *
 * <p>Glossary (the same words appear in the code): a <em>stage</em> takes <em>items</em> from one
 * channel and emits to the next; <em>end-of-stream</em> is signalled by closing a channel once all of
 * its producers are done; <em>abandon</em> drops whatever is queued when the run is cancelled.
 */
package dev.sensevoice.pipeline;
