package dev.sensevoice.transcribe;

import dev.sensevoice.audio.SampleSource;
import dev.sensevoice.pipeline.Emitter;
import dev.sensevoice.transcribe.Items.SegmentJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;

/**
 * The decode and segmentation of one input, streamed: segments go on as soon as they are known.
 * Times are split into decode (inside the audio reads) and vad (the rest, less the time spent
 * waiting for the next stage).
 */
final class Segmenting {
    private Segmenting() {
    }

    /** How many segments an input had and how long its audio was. */
    record Segmented(int count, double seconds) {
    }

    static Segmented run(Stages stages, FileTask file, Emitter<SegmentJob> out)
            throws IOException, InterruptedException {
        if (Files.isDirectory(file.input.path())) {
            throw new IOException("is a folder; give it as an argument (with -r for subfolders)");
        }
        if (!Files.isRegularFile(file.input.path())) {
            throw new NoSuchFileException(file.input.path().toString());
        }
        int[] count = {0};
        long[] waitNanos = {0};
        long t0 = System.nanoTime();
        try (TimedSource audio = new TimedSource(stages.audio().open(file.input.path()))) {
            stages.segmentation().segment(audio, segment -> {
                long w0 = System.nanoTime();
                out.emit(new SegmentJob(file, count[0]++, segment));
                waitNanos[0] += System.nanoTime() - w0;
            });
            long total = System.nanoTime() - t0;
            file.decodeNanos.addAndGet(audio.readNanos());
            file.vadNanos.addAndGet(Math.max(0, total - audio.readNanos() - waitNanos[0]));
            return new Segmented(count[0], audio.samples() / (double) SampleSource.SAMPLE_RATE);
        }
    }
}
