package dev.sensevoice.model;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How one model file is loaded, as a {@link SnapshotSource} decides: from the file itself, from a
 * pre-optimized snapshot of it, or from the file while ORT writes a snapshot beside the session.
 * {@code modelSha256} is the model file's hash when the source already knows it (saves rehashing).
 */
public sealed interface LoadPlan {
    /** The model file itself (what {@link ModelInfo#file()} shows, whatever is loaded). */
    Path file();

    Optional<String> modelSha256();

    /** Plain load at ORT's default level (ALL). */
    record Original(Path file, Optional<String> modelSha256) implements LoadPlan {
    }

    /** Load the pre-optimized {@code snapshot} with graph optimization off (it is already done). */
    record FromSnapshot(Path file, Optional<String> modelSha256, Path snapshot) implements LoadPlan {
    }

    /**
     * Load {@code file} at the EXTENDED level and have ORT write the optimized graph to {@code writeTo}
     * and its weights to {@code dataFile} beside it (ORT maps such external data instead of parsing it).
     */
    record Build(Path file, Optional<String> modelSha256, Path writeTo, String dataFile) implements LoadPlan {
    }
}
