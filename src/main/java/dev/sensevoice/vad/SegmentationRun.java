package dev.sensevoice.vad;

import dev.sensevoice.audio.SampleSource;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * One input going through the segmenter: frames are scored, tracked into segments, merged, and
 * cut from a fixed ring of recent samples. Everything here is sized by the maximum segment
 * length, never by the input's length.
 */
final class SegmentationRun {
    private static final int FRAME = VoiceActivityDetector.FRAME_SAMPLES;
    private static final int READ_BLOCK = 8 * FRAME;

    private final VoiceActivityDetector detector;
    private final Consumer<SegmentAudio> sink;
    private final SpeechTracker tracker;
    private final SegmentMerger merger;
    private final SampleRing ring;
    private final VoiceActivityDetector.Probabilities tracking = this::track;
    private final float[] frame = new float[FRAME];
    private int frameFill;
    private long scoredEnd;
    private int segments;
    private long segmentSamples;
    private long detectorNanos;
    private long sinkNanos;

    SegmentationRun(SegmenterConfig config, VoiceActivityDetector detector, Consumer<SegmentAudio> sink) {
        TrackerRules rules = TrackerRules.from(config);
        this.detector = detector;
        this.sink = sink;
        this.merger = SegmentMerger.of(config, this::emit);
        this.tracker = new SpeechTracker(rules, merger::accept);
        this.ring = new SampleRing(ringCapacity(rules, detector.delayFrames()));
    }

    /** Room for a whole maximum-length segment, its padding, the detector's look-ahead and the frame being fed. */
    static int ringCapacity(TrackerRules rules, int delayFrames) {
        return (int) (rules.maxSegment() + rules.pad() + (delayFrames + 2L) * FRAME);
    }

    SegmentationResult readAll(SampleSource source) throws IOException {
        float[] block = new float[READ_BLOCK];
        for (int read; (read = source.read(block, 0, block.length)) >= 0; ) {
            take(block, read);
        }
        long started = System.nanoTime();
        finish();
        detectorNanos += System.nanoTime() - started;
        return new SegmentationResult(ring.end(), segments, segmentSamples, detectorNanos - sinkNanos);
    }

    SampleRing ring() {
        return ring;
    }

    private void take(float[] block, int length) {
        for (int used = 0; used < length; ) {
            int n = Math.min(FRAME - frameFill, length - used);
            System.arraycopy(block, used, frame, frameFill, n);
            frameFill += n;
            used += n;
            if (frameFill == FRAME) {
                scoreFrame();
            }
        }
    }

    private void scoreFrame() {
        ring.append(frame, 0, frameFill);
        long started = System.nanoTime();
        detector.accept(frame, tracking);
        detectorNanos += System.nanoTime() - started;
        frameFill = 0;
    }

    /** The probability of the next frame not yet tracked (frames may lag behind the ring's end). */
    private void track(float probability) {
        tracker.accept(scoredEnd, probability);
        scoredEnd += FRAME;
        merger.advance(Math.min(scoredEnd, ring.end()));
        ring.discardBefore(Math.min(merger.pendingStart(), tracker.earliestNeeded(scoredEnd)));
    }

    /** Scores the last, partial frame padded with zeros (as upstream does), then closes everything. */
    private void finish() {
        if (frameFill > 0) {
            Arrays.fill(frame, frameFill, FRAME, 0f);
            scoreFrame();
        }
        detector.finish(tracking);
        tracker.finish(ring.end());
        merger.flush();
    }

    private void emit(SpeechSegment segment) {
        segments++;
        segmentSamples += segment.length();
        SegmentAudio audio = new SegmentAudio(segment, ring.copy(segment.startSample(), segment.endSample()));
        long started = System.nanoTime();
        sink.accept(audio);
        sinkNanos += System.nanoTime() - started;
    }
}
