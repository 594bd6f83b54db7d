package dev.sensevoice.decode;

import dev.sensevoice.model.BestPath;

/**
 * The collapsed CTC greedy path of one item: the emitted token ids and the logits frame each was
 * emitted on. Only the first {@code length} entries of the arrays are used.
 */
record CtcPath(int[] ids, int[] frames, int length) {

    /**
     * Greedy search as sherpa-onnx and FunASR do it (contract §4.1): argmax per frame (the lowest
     * id on ties, taken by {@link BestPath}); emit when the id is not blank and differs from the
     * previous frame's id, where "previous" advances on every frame, blanks included (so blank
     * separates repeats).
     */
    static CtcPath greedy(BestPath best, int blankId) {
        int frames = best.frames();
        int[] ids = new int[frames];
        int[] at = new int[frames];
        int length = 0;
        int previous = -1;
        for (int t = 0; t < frames; t++) {
            int y = best.tokens()[t];
            if (y != blankId && y != previous) {
                ids[length] = y;
                at[length] = t;
                length++;
            }
            previous = y;
        }
        return new CtcPath(ids, at, length);
    }
}
