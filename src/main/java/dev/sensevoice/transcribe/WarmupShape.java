package dev.sensevoice.transcribe;

/**
 * The largest batch a run can send (--warmup): {@code items} segments of {@code seconds} each.
 * The batcher packs longest × count ≤ --batch-s and a segment longer than that goes alone, so the
 * largest is as many --max-segment-s segments as fit, or one of them when none fits twice.
 */
public record WarmupShape(int items, double seconds) {
    public WarmupShape {
        if (items < 1 || seconds <= 0) {
            throw new IllegalArgumentException("warm-up shape " + items + " x " + seconds + " s is empty");
        }
    }

    public static WarmupShape largest(TranscriptionRequest request) {
        double longest = request.segmentation().maxSegmentS();
        double budget = request.parallelism().batchS();
        return new WarmupShape(Math.max(1, (int) Math.floor(budget / longest)), longest);
    }
}
