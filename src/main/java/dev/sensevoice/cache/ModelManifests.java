package dev.sensevoice.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The known models: every {@code *.json} manifest in the repository's {@code models/} folder, the
 * folder that also holds the bundled models. A manifest that cannot be read is a one-line error
 * naming its file (exit 3): a broken catalog should be fixed, not skipped silently.
 */
public final class ModelManifests {
    private static final int LEVELS_UP = 3;
    private final Path folder;
    private final Map<String, ModelManifest> byName;

    /** The manifests in {@code folder}; a missing folder has none. */
    public ModelManifests(Path folder) {
        this.folder = folder;
        this.byName = readAll(folder);
    }

    /** The repository's {@code models/} folder, found as the Silero model is (see {@link #locateFolder}). */
    public static ModelManifests ofRepository(Map<String, String> env) {
        return new ModelManifests(locateFolder(env.get("SENSEVOICE_HOME"), codeLocation()));
    }

    /** The folder holding bundled models and manifests. */
    public Path folder() {
        return folder;
    }

    public Optional<ModelManifest> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** All manifests, by name. */
    public List<ModelManifest> all() {
        return List.copyOf(byName.values());
    }

    /**
     * {@code $SENSEVOICE_HOME/models}, else the first {@code models/} folder at or above the
     * application's code (the jar in {@code target/}, or {@code target/classes}): the repository.
     */
    static Path locateFolder(String home, Path codeLocation) {
        if (home != null && !home.isBlank()) {
            return Path.of(home).resolve("models");
        }
        Path dir = codeLocation == null ? null : codeLocation.toAbsolutePath().getParent();
        for (int level = 0; level < LEVELS_UP && dir != null; level++, dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("models"))) {
                return dir.resolve("models");
            }
        }
        return Path.of("models").toAbsolutePath();
    }

    private static Map<String, ModelManifest> readAll(Path folder) {
        Map<String, ModelManifest> manifests = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return manifests;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path file : files) {
                ModelManifest m = read(file);
                manifests.put(m.name(), m);
            }
        } catch (IOException e) {
            throw broken(folder, e.getMessage());
        }
        return manifests;
    }

    /** One manifest file; any fault is one line naming the file. */
    static ModelManifest read(Path file) {
        try {
            return parse(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw broken(file, e.getMessage());
        }
    }

    static ModelManifest parse(JsonNode json) {
        List<ModelManifest.File> files = new ArrayList<>();
        for (JsonNode f : required(json, "files")) {
            files.add(new ModelManifest.File(required(f, "name").asText(), text(f, "url").map(ModelManifests::uri),
                    number(f, "size"), number(f, "approx_bytes"), digest(f)));
        }
        Optional<ModelManifest.Archive> archive = Optional.ofNullable(json.get("archive"))
                .filter(a -> !a.isNull()).map(a -> new ModelManifest.Archive(uri(required(a, "url").asText()),
                        text(a, "folder").orElse(""), number(a, "size"), digest(a)));
        return new ModelManifest(required(json, "name").asText(), required(json, "kind").asText(),
                required(json, "flavour").asText(), text(json, "description").orElse(""), text(json, "note"),
                text(json, "bundled"), archive, files);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        return value;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static OptionalLong number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? OptionalLong.empty() : OptionalLong.of(value.asLong());
    }

    private static Optional<String> digest(JsonNode node) {
        Optional<String> sha = text(node, "sha256");
        if (sha.isPresent() && !sha.get().matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 '" + sha.get() + "' is not 64 lower-case hex digits");
        }
        return sha;
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad url " + text);
        }
    }

    private static SenseVoiceException broken(Path file, String why) {
        return new SenseVoiceException(ExitCode.MODEL_START, file + ": unreadable model manifest (" + why
                + "); restore it from the repository");
    }

    private static Path codeLocation() {
        try {
            var source = ModelManifests.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
