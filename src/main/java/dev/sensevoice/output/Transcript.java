package dev.sensevoice.output;

import dev.sensevoice.metrics.FileStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything said in one input, with how it was made: what every output format is written from
 * (design Part 2, JSON example; fields in the same order).
 *
 * @param file      the input as given on the command line, or as found under a given folder
 * @param language  the language with most speech; null when nothing was recognised
 * @param text      segment texts joined by {@link #joinTexts}
 */
public record Transcript(
        String file,
        double durationS,
        String language,
        String text,
        List<TranscriptSegment> segments,
        FileStats stats,
        ModelStamp model,
        TranscriptOptions options,
        ToolStamp tool) {
    public Transcript {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
        segments = List.copyOf(segments);
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(tool, "tool");
    }

    /** Builds the file-level language and text from the segments. */
    public static Transcript of(String file, double durationS, List<TranscriptSegment> segments,
            FileStats stats, ModelStamp model, TranscriptOptions options, ToolStamp tool) {
        return new Transcript(file, durationS, mainLanguage(segments), joinTexts(segments),
                segments, stats, model, options, tool);
    }

    /** Segment texts joined with one space, none between two Han/kana characters (design Part 2). */
    public static String joinTexts(List<TranscriptSegment> segments) {
        StringBuilder joined = new StringBuilder();
        for (TranscriptSegment segment : segments) {
            String text = segment.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            if (joined.length() > 0 && !(Scripts.unspaced(joined.codePointBefore(joined.length()))
                    && Scripts.unspaced(text.codePointAt(0)))) {
                joined.append(' ');
            }
            joined.append(text);
        }
        return joined.toString();
    }

    /** The language with the most seconds of speech (first seen wins a tie); null without any. */
    public static String mainLanguage(List<TranscriptSegment> segments) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (TranscriptSegment segment : segments) {
            if (segment.language() != null && !segment.language().isEmpty()) {
                seconds.merge(segment.language(), segment.duration(), Double::sum);
            }
        }
        String best = null;
        for (Map.Entry<String, Double> entry : seconds.entrySet()) {
            if (best == null || entry.getValue() > seconds.get(best)) {
                best = entry.getKey();
            }
        }
        return best;
    }
}
