package dev.sensevoice.cache;

import dev.sensevoice.model.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an install measured, kept beside the model as {@value #FILE_NAME}: each file's size and
 * sha256 (checked against an official digest where one exists, else recorded at this first
 * download), and where the files came from. {@code model verify} compares the files with it later.
 *
 * @param installedAt ISO-8601 instant of the install
 */
public record ModelStoreReceipt(String name, String installedAt, List<Source> sources, List<Entry> files) {
    public static final String FILE_NAME = ".sensevoice-model.json";

    public ModelStoreReceipt {
        sources = List.copyOf(sources);
        files = List.copyOf(files);
    }

    /** A fetched URL: what arrived. */
    public record Source(String url, long size, String sha256) {
    }

    /** A file of the model; {@code official} when its digest matched a published one. */
    public record Entry(String name, long size, String sha256, boolean official) {
    }

    public Optional<Entry> entry(String file) {
        return files.stream().filter(e -> e.name().equals(file)).findFirst();
    }

    /** The receipt in {@code dir}, if there is a readable one. */
    public static Optional<ModelStoreReceipt> read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode json = new ObjectMapper().readTree(file.toFile());
            List<Source> sources = new ArrayList<>();
            json.path("sources").forEach(s -> sources.add(new Source(s.path("url").asText(), s.path("size").asLong(),
                    s.path("sha256").asText())));
            List<Entry> entries = new ArrayList<>();
            json.path("files").forEach(f -> entries.add(new Entry(f.path("name").asText(), f.path("size").asLong(),
                    f.path("sha256").asText(), f.path("sha256_official").asBoolean())));
            return Optional.of(new ModelStoreReceipt(json.path("name").asText(), json.path("installed_at").asText(),
                    sources, entries));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Writes the receipt into {@code dir} (temp name, then rename). */
    void write(Path dir) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = mapper.createObjectNode().put("name", name).put("installed_at", installedAt);
        ArrayNode s = json.putArray("sources");
        sources.forEach(src -> s.addObject().put("url", src.url()).put("size", src.size()).put("sha256", src.sha256()));
        ArrayNode f = json.putArray("files");
        files.forEach(e -> f.addObject().put("name", e.name()).put("size", e.size()).put("sha256", e.sha256())
                .put("sha256_official", e.official()));
        Path tmp = dir.resolve(FILE_NAME + ".tmp");
        mapper.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), json);
        Files.move(tmp, dir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

}
