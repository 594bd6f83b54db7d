package dev.sensevoice.output;

import dev.sensevoice.decode.TimedToken;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a transcript into subtitle cues: at most two lines ({@link CueText}), at most 7 s each,
 * never spanning two segments, in time order without overlap. A long segment is split between
 * words (between characters in Chinese and Japanese) at the times its tokens were emitted; a
 * segment whose text is not the join of its tokens (emoji or kept tags) is split with times
 * interpolated by character position.
 */
final class SubtitleCues {
    static final long MAX_CUE_MS = 7_000;
    /** How early a cue may appear before its first token's time (tokens come just after word onset). */
    private static final double LEAD_S = 1.0;

    private SubtitleCues() {
    }

    /** A stretch of text never split across cues (a word, or one CJK character), with its time span. */
    record Unit(String text, double start, double end) {
    }

    private record Piece(String text, double start) {
    }

    static List<Cue> of(Transcript transcript) {
        List<Cue> cues = new ArrayList<>();
        for (TranscriptSegment segment : transcript.segments()) {
            if (!segment.text().isBlank()) {
                cues.addAll(chunk(units(segment)));
            }
        }
        return inOrder(cues);
    }

    static List<Unit> units(TranscriptSegment segment) {
        List<Piece> pieces = tokensSpellText(segment) ? fromTokens(segment.tokens()) : fromText(segment);
        pieces.removeIf(piece -> piece.text().isBlank());
        List<Unit> units = new ArrayList<>();
        double start = pieces.isEmpty() ? 0 : within(pieces.get(0).start(), segment);
        for (int i = 0; i < pieces.size(); i++) {
            double next = i + 1 < pieces.size() ? pieces.get(i + 1).start() : segment.end();
            double end = Math.max(within(next, segment), start);
            units.addAll(cutWide(new Unit(pieces.get(i).text(), start, end)));
            start = end;
        }
        return units;
    }

    private static double within(double seconds, TranscriptSegment segment) {
        return Math.min(Math.max(seconds, segment.start()), segment.end());
    }

    private static boolean tokensSpellText(TranscriptSegment segment) {
        StringBuilder joined = new StringBuilder();
        segment.tokens().forEach(token -> joined.append(token.text()));
        return !segment.tokens().isEmpty()
                && squeeze(joined.toString()).equals(squeeze(segment.text()));
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static List<Piece> fromTokens(List<TimedToken> tokens) {
        List<Piece> pieces = new ArrayList<>();
        for (TimedToken token : tokens) {
            if (token.text().isEmpty()) {
                continue;
            }
            int last = pieces.size() - 1;
            if (last < 0 || startsUnit(pieces.get(last).text(), token.text())) {
                pieces.add(new Piece(token.text(), token.start()));
            } else {
                pieces.set(last, new Piece(pieces.get(last).text() + token.text(), pieces.get(last).start()));
            }
        }
        if (!pieces.isEmpty()) {
            Piece first = pieces.get(0);
            pieces.set(0, new Piece(first.text(), first.start() - LEAD_S));
        }
        return pieces;
    }

    /** Without usable token times: a piece per word or CJK character, timed by its character offset. */
    private static List<Piece> fromText(TranscriptSegment segment) {
        String text = segment.text().replaceAll("\\s+", " ").strip();
        List<Piece> pieces = new ArrayList<>();
        for (int offset = 0, end; offset < text.length(); offset = end) {
            end = pieceEnd(text, offset);
            double at = segment.start() + segment.duration() * offset / text.length();
            pieces.add(new Piece(text.substring(offset, end), at));
        }
        return pieces;
    }

    private static int pieceEnd(String text, int offset) {
        int end = text.offsetByCodePoints(offset, 1);
        while (end < text.length()
                && !startsUnit(text.substring(offset, end), text.substring(end, text.offsetByCodePoints(end, 1)))) {
            end = text.offsetByCodePoints(end, 1);
        }
        return end;
    }

    /** Whether {@code next} starts a new unit after {@code previous}: at a space or CJK character, not at punctuation. */
    private static boolean startsUnit(String previous, String next) {
        int first = next.codePointAt(0);
        if (Character.isWhitespace(first)) {
            return true;
        }
        if (Scripts.punctuation(first) || previous.isEmpty()) {
            return false;
        }
        return Scripts.unspaced(first) || Scripts.unspaced(previous.codePointBefore(previous.length()));
    }

    private static List<Unit> cutWide(Unit unit) {
        if (CueText.width(unit.text().strip()) <= CueText.LINE_COLUMNS) {
            return List.of(unit);
        }
        List<String> parts = CueText.cut(unit.text());
        List<Unit> units = new ArrayList<>();
        double perChar = (unit.end() - unit.start()) / unit.text().length();
        double start = unit.start();
        for (String part : parts) {
            double end = start + perChar * part.length();
            units.add(new Unit(part, start, end));
            start = end;
        }
        return units;
    }

    /**
     * A cue takes units while its text fits two lines and it lasts at most 7 s, then steps back
     * to a sentence end in its second half if it has one; the last two cues of a segment are
     * evened out so that none is left with a lone word.
     */
    static List<Cue> chunk(List<Unit> units) {
        List<Integer> cuts = new ArrayList<>();
        for (int from = 0; from < units.size(); from = cuts.get(cuts.size() - 1)) {
            int to = longestFrom(units, from);
            cuts.add(to < units.size() ? sentenceEnd(units, from, to) : to);
        }
        evenLastTwo(units, cuts);
        List<Cue> cues = new ArrayList<>();
        int from = 0;
        for (int to : cuts) {
            cues.add(cue(units.subList(from, to)));
            from = to;
        }
        return cues;
    }

    private static int longestFrom(List<Unit> units, int from) {
        int to = from + 1;
        while (to < units.size() && fits(units.subList(from, to + 1))) {
            to++;
        }
        return to;
    }

    /** The latest cut in the second half of [from, to) that ends a sentence; {@code to} without one. */
    private static int sentenceEnd(List<Unit> units, int from, int to) {
        for (int cut = to; cut > from && 2 * (cut - from) >= to - from; cut--) {
            if (endsSentence(units.get(cut - 1).text())) {
                return cut;
            }
        }
        return to;
    }

    private static boolean endsSentence(String text) {
        String end = text.strip();
        return !end.isEmpty() && ".?!。？！…".indexOf(end.charAt(end.length() - 1)) >= 0;
    }

    /** Moves units from the next-to-last cue into the last while that makes them more even. */
    private static void evenLastTwo(List<Unit> units, List<Integer> cuts) {
        int n = cuts.size();
        if (n < 2 || endsSentence(units.get(cuts.get(n - 2) - 1).text())) {
            return;
        }
        int from = n > 2 ? cuts.get(n - 3) : 0;
        int cut = cuts.get(n - 2);
        while (cut - from > 1 && fits(units.subList(cut - 1, units.size()))
                && width(units.subList(cut - 1, units.size())) <= width(units.subList(from, cut - 1))) {
            cut--;
        }
        cuts.set(n - 2, cut);
    }

    private static double width(List<Unit> units) {
        return CueText.width(String.join("", texts(units)).strip());
    }

    private static boolean fits(List<Unit> units) {
        double seconds = units.get(units.size() - 1).end() - units.get(0).start();
        return seconds * 1000 <= MAX_CUE_MS && CueText.fits(texts(units));
    }

    private static Cue cue(List<Unit> units) {
        long start = Math.round(units.get(0).start() * 1000);
        long end = Math.min(Math.round(units.get(units.size() - 1).end() * 1000), start + MAX_CUE_MS);
        return new Cue(start, Math.max(end, start + 1), CueText.wrap(texts(units)));
    }

    private static List<String> texts(List<Unit> units) {
        return units.stream().map(Unit::text).toList();
    }

    /** Each cue starts no earlier than the previous one ends, and lasts at least 1 ms. */
    private static List<Cue> inOrder(List<Cue> cues) {
        List<Cue> ordered = new ArrayList<>();
        long previousEnd = 0;
        for (Cue cue : cues) {
            long start = Math.max(cue.startMs(), previousEnd);
            long end = Math.max(cue.endMs(), start + 1);
            ordered.add(new Cue(start, end, cue.lines()));
            previousEnd = end;
        }
        return ordered;
    }
}
