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
    /** How much longer (in columns) a line may get to break after a comma or full stop instead of mid-phrase. */
    private static final double PUNCTUATION_BONUS = LINE_COLUMNS / 5;

    private CueText() {
    }

    static double width(String text) {
        return text.codePoints().mapToDouble(c -> Scripts.wide(c) ? WIDE : 1).sum();
    }

    /**
     * One line when the text fits one; else the two-line split with the shorter longer line
     * (even lines read better than a full line over a lone word); more lines only when two
     * cannot hold it.
     */
    static List<String> wrap(List<String> pieces) {
        List<String> lines = greedy(pieces);
        if (lines.size() != MAX_LINES) {
            return lines;
        }
        double best = cost(lines.get(0), lines.get(1));
        for (int cut = 1; cut < pieces.size(); cut++) {
            String first = String.join("", pieces.subList(0, cut)).strip();
            String second = String.join("", pieces.subList(cut, pieces.size())).strip();
            double cost = cost(first, second);
            if (cost < best && !first.isEmpty() && !second.isEmpty()) {
                best = cost;
                lines = List.of(first, second);
            }
        }
        return lines;
    }

    /** The longer line's width, less a bonus for breaking after punctuation; a line too long never wins. */
    private static double cost(String first, String second) {
        double longer = Math.max(width(first), width(second));
        if (longer > LINE_COLUMNS) {
            return Double.MAX_VALUE;
        }
        boolean atPunctuation = !first.isEmpty() && Scripts.punctuation(first.codePointBefore(first.length()));
        return atPunctuation ? longer - PUNCTUATION_BONUS : longer;
    }

    /** Greedy fill: each piece joins the current line if it fits, else starts the next one. */
    private static List<String> greedy(List<String> pieces) {
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
        return greedy(pieces).size() <= MAX_LINES;
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
