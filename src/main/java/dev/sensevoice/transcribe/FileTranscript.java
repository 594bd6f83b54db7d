package dev.sensevoice.transcribe;

import dev.sensevoice.metrics.FileStats;
import java.util.List;

/**
 * A finished input: its segments in order, its language (the one with most speech; empty when
 * silent), its joined text and its stats. A silent input has no segments and an empty text.
 */
public record FileTranscript(
        InputFile input,
        double durationS,
        String language,
        String text,
        List<SegmentResult> segments,
        FileStats stats) {
    public FileTranscript {
        segments = List.copyOf(segments);
    }
}
