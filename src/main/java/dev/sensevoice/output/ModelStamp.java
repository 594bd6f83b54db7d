package dev.sensevoice.output;

import java.util.Objects;

/**
 * Which model made a transcript (JSON {@code model}). {@code --skip-existing} compares only
 * {@code sha256}: the same weights under another name or folder give the same text.
 *
 * @param file   the model file's name (not its path: outputs stay free of machine paths)
 * @param device where it ran: "cpu", "cuda:0"
 */
public record ModelStamp(String name, String file, String sha256, String device) {
    public ModelStamp {
        Objects.requireNonNull(sha256, "sha256");
    }
}
