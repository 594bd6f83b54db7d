package dev.sensevoice.output;

import java.util.List;

/** One subtitle cue: shown from {@code startMs} to {@code endMs}, one or two lines. */
record Cue(long startMs, long endMs, List<String> lines) {
    Cue {
        lines = List.copyOf(lines);
        if (endMs <= startMs || lines.isEmpty()) {
            throw new IllegalArgumentException("cue " + startMs + "-" + endMs + " ms, " + lines.size() + " lines");
        }
    }

    /** "hh:mm:ss" then the millisecond separator ("," for SRT, "." for VTT) and three digits. */
    static String timestamp(long ms, char separator) {
        return String.format("%02d:%02d:%02d%c%03d",
                ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, separator, ms % 1000);
    }
}
