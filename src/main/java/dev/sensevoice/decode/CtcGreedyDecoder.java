package dev.sensevoice.decode;

import dev.sensevoice.model.BestPath;
import dev.sensevoice.model.Logits;
import dev.sensevoice.model.Tokens;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one item's logits into a {@link Recognition}: CTC greedy search, then the leading tags,
 * the clean text and the timed text tokens. Immutable and thread-safe; build one per vocabulary.
 *
 * <p><b>Tag header.</b> sherpa-onnx is positional: tokens 0, 1, 2 are language, emotion and
 * event, token 3 (the ITN tag) is dropped and text starts at token 4. When the model emits one
 * tag per query frame, as it is trained to, this decoder gives the same result. It is robust
 * when it does not: the header is the run of up to four leading tokens that are tags (checked
 * by string) of a kind not seen yet in the run; each fills its own slot whatever its position,
 * and text starts at the first token that is not such a tag. So a missing tag leaves its field
 * empty instead of shifting a tag into the wrong field or swallowing a text token.
 *
 * <p><b>Text.</b> A piece starting with "▁" has that first "▁" turned into one space (a bare
 * "▁" becomes " "); text pieces are concatenated and leading spaces are trimmed (as
 * sherpa-onnx 1.13.8 does); the tokens keep their spaces. A tag after the header (which a
 * well-behaved model never emits) stays in {@code raw}, where FunASR would keep it, but is left
 * out of the clean text and the tokens, where sherpa-onnx would keep it.
 *
 * <p><b>Times.</b> A text token emitted on logits frame t starts at
 * {@code offset + 0.06 × (t − 4)} seconds (the four query frames come first); t − 4 is clamped
 * at 0, which only matters when the model emitted fewer than four tags.
 */
public final class CtcGreedyDecoder {
    private static final int MILLIS_PER_FRAME = 60;

    private final String[] texts;
    private final RichTags.Kind[] kinds;
    private final String[] pieces;
    private final int blankId;

    public CtcGreedyDecoder(Tokens tokens, int blankId) {
        if (blankId < 0 || blankId >= tokens.size()) {
            throw new IllegalArgumentException(
                    "blank id " + blankId + " outside the vocabulary of " + tokens.size());
        }
        this.blankId = blankId;
        int size = tokens.size();
        this.pieces = new String[size];
        this.texts = new String[size];
        this.kinds = new RichTags.Kind[size];
        for (int id = 0; id < size; id++) {
            pieces[id] = tokens.piece(id);
            texts[id] = spaced(pieces[id]);
            kinds[id] = RichTags.kindOf(pieces[id]).orElse(null);
        }
    }

    /**
     * Decodes one item's valid logits frames (query frames included).
     *
     * @param offsetSeconds where the segment starts in the file; added to every token time
     */
    public Recognition decode(Logits logits, double offsetSeconds) {
        return decode(logits.bestPath(), offsetSeconds);
    }

    /** Decodes one item's best path (query frames included), as the pipeline hands it over. */
    public Recognition decode(BestPath best, double offsetSeconds) {
        if (best.vocab() != pieces.length) {
            throw new IllegalArgumentException("logits have " + best.vocab()
                    + " scores per frame but the vocabulary has " + pieces.length + " tokens");
        }
        CtcPath path = CtcPath.greedy(best, blankId);
        Map<RichTags.Kind, String> header = new EnumMap<>(RichTags.Kind.class);
        StringBuilder raw = new StringBuilder();
        int first = readHeader(path, header, raw);
        List<TimedToken> tokens = textTokens(path, first, offsetSeconds);
        String text = stripLeadingSpaces(concat(tokens));
        raw.append(stripLeadingSpaces(rawText(path, first)));
        return new Recognition(
                bareOrEmpty(header, RichTags.Kind.LANGUAGE),
                bareOrEmpty(header, RichTags.Kind.EMOTION),
                bareOrEmpty(header, RichTags.Kind.EVENT),
                RichTags.WITH_ITN.equals(header.get(RichTags.Kind.ITN)),
                text, raw.toString(), tokens);
    }

    /** Fills {@code header} and {@code raw} from the leading tags; returns the first text index. */
    private int readHeader(CtcPath path, Map<RichTags.Kind, String> header, StringBuilder raw) {
        int i = 0;
        while (i < Math.min(path.length(), BestPath.QUERY_FRAMES)) {
            int id = path.ids()[i];
            RichTags.Kind kind = kinds[id];
            if (kind == null || header.containsKey(kind)) {
                break;
            }
            header.put(kind, pieces[id]);
            raw.append(pieces[id]);
            i++;
        }
        return i;
    }

    private List<TimedToken> textTokens(CtcPath path, int first, double offsetSeconds) {
        List<TimedToken> tokens = new ArrayList<>(path.length() - first);
        for (int i = first; i < path.length(); i++) {
            if (kinds[path.ids()[i]] != null) {
                continue;
            }
            int frame = Math.max(0, path.frames()[i] - BestPath.QUERY_FRAMES);
            double start = offsetSeconds + frame * MILLIS_PER_FRAME / 1000.0;
            tokens.add(new TimedToken(texts[path.ids()[i]], start));
        }
        return tokens;
    }

    private String rawText(CtcPath path, int first) {
        StringBuilder raw = new StringBuilder();
        for (int i = first; i < path.length(); i++) {
            raw.append(texts[path.ids()[i]]);
        }
        return raw.toString();
    }

    private static String concat(List<TimedToken> tokens) {
        StringBuilder text = new StringBuilder();
        for (TimedToken token : tokens) {
            text.append(token.text());
        }
        return text.toString();
    }

    /** sherpa's rule: a piece of at least 3 UTF-8 bytes starting with ▁ (itself 3 bytes). */
    private static String spaced(String piece) {
        return piece.startsWith("\u2581") ? " " + piece.substring(1) : piece;
    }

    private static String stripLeadingSpaces(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return text.substring(i);
    }

    private static String bareOrEmpty(Map<RichTags.Kind, String> header, RichTags.Kind kind) {
        String tag = header.get(kind);
        return tag == null ? "" : RichTags.bare(tag);
    }
}
