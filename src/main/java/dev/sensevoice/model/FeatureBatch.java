package dev.sensevoice.model;

import dev.sensevoice.frontend.Features;
import java.util.List;

/**
 * Features of one or more segments run together, with each item's query rows
 * (language and text normalisation: embedding rows, contract §3).
 */
public record FeatureBatch(List<Features> items, int[] languageRows, int[] textNormRows) {
    public FeatureBatch {
        items = List.copyOf(items);
        if (items.isEmpty() || languageRows.length != items.size() || textNormRows.length != items.size()) {
            throw new IllegalArgumentException("batch of " + items.size() + " items with "
                    + languageRows.length + " languages and " + textNormRows.length + " text norms");
        }
    }

    public int size() {
        return items.size();
    }

    public int maxFrames() {
        return items.stream().mapToInt(Features::frames).max().orElse(0);
    }
}
