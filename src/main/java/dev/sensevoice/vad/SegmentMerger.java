package dev.sensevoice.vad;

import java.util.function.Consumer;

/**
 * Joins neighbouring speech segments into longer ones, as FunASR's {@code merge_vad} does before
 * recognition (more context per segment, fewer model runs), but as a stream: a merged segment is
 * handed on as soon as no later segment can join it.
 *
 * <p>Rule: consecutive segments join while the span from the first one's start to the last
 * one's end stays below the limit; the pauses between them are included. A single segment at or
 * above the limit stays alone. The limit is {@code min(merge-s, max-segment-s)}, so a merged
 * segment is never longer than the maximum.
 *
 * <p>Differences from {@code merge_vad}, on purpose: the first merged segment starts at the first
 * speech, not at sample 0 (leading silence would cost model time and invite hallucinated text),
 * and a pause between two merged segments belongs to neither ({@code merge_vad} cuts at any
 * boundary, so its pieces cover everything from 0, including pieces of pure silence).
 */
final class SegmentMerger {
    private final long limit;
    private final Consumer<SpeechSegment> out;
    private SpeechSegment pending;

    /** {@code limit} in samples; 0 passes segments through unchanged. */
    SegmentMerger(long limit, Consumer<SpeechSegment> out) {
        this.limit = limit;
        this.out = out;
    }

    static SegmentMerger of(SegmenterConfig config, Consumer<SpeechSegment> out) {
        double seconds = Math.min(config.mergeS(), config.maxSegmentS());
        return new SegmentMerger(Math.round(seconds * SpeechSegment.SAMPLE_RATE), out);
    }

    void accept(SpeechSegment segment) {
        if (limit == 0) {
            out.accept(segment);
        } else if (pending != null && segment.endSample() - pending.startSample() < limit) {
            pending = new SpeechSegment(pending.startSample(), segment.endSample());
        } else {
            flush();
            pending = segment;
        }
    }

    /** Hands on the pending segment once audio up to {@code position} shows nothing more can join it. */
    void advance(long position) {
        if (pending != null && position - pending.startSample() >= limit) {
            flush();
        }
    }

    void flush() {
        if (pending != null) {
            out.accept(pending);
            pending = null;
        }
    }

    /** Start of the segment still being merged, or {@code Long.MAX_VALUE} if none. */
    long pendingStart() {
        return pending == null ? Long.MAX_VALUE : pending.startSample();
    }
}
