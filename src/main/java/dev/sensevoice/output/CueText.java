package dev.sensevoice.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Line layout of subtitle text. A line holds 42 columns; a wide (CJK) character takes 42/16 of
 * them, so a Chinese line holds 16 characters, an English one 42, and mixed text in between.
 */
final class CueText {
    static final double LINE_COLUMNS = 42;
    static final int MAX_LINES = 2;
    private static final double WIDE = LINE_COLUMNS / 16;

    private CueText() {
    }

    static double width(String text) {
        return text.codePoints().mapToDouble(c -> Scripts.wide(c) ? WIDE : 1).sum();
    }

    /** Greedy fill: each piece joins the current line if it fits, else starts the next one. */
    static List<String> wrap(List<String> pieces) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String piece : pieces) {
            String joined = line.length() == 0 ? piece.strip() : line + piece;
            if (line.length() > 0 && width(joined.strip()) > LINE_COLUMNS) {
                lines.add(line.toString().strip());
                line.setLength(0);
                joined = piece.strip();
            }
            line.setLength(0);
            line.append(joined);
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().strip());
        }
        return lines;
    }

    static boolean fits(List<String> pieces) {
        return wrap(pieces).size() <= MAX_LINES;
    }

    /** Cuts a piece wider than a line into line-sized parts (a long URL, a run of CJK in one token). */
    static List<String> cut(String piece) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        piece.codePoints().forEach(c -> {
            if (part.length() > 0 && width(part.toString().strip() + Character.toString(c)) > LINE_COLUMNS) {
                parts.add(part.toString());
                part.setLength(0);
            }
            part.appendCodePoint(c);
        });
        if (part.length() > 0) {
            parts.add(part.toString());
        }
        return parts;
    }
}
