package dev.sensevoice.testing;

import java.util.List;

/** Levenshtein distance between two unit sequences: the numerator of WER, CER and token disagreement. */
public final class EditDistance {
    private EditDistance() {
    }

    public static int between(List<String> reference, List<String> hypothesis) {
        int[] row = new int[hypothesis.size() + 1];
        for (int j = 0; j <= hypothesis.size(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= reference.size(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= hypothesis.size(); j++) {
                int above = row[j];
                boolean same = reference.get(i - 1).equals(hypothesis.get(j - 1));
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (same ? 0 : 1));
                diagonal = above;
            }
        }
        return row[hypothesis.size()];
    }
}
