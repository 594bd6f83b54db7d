package dev.sensevoice.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The vocabulary: piece strings by id, and ids of special tags looked up by string (never by a
 * hard-coded id). Reads sherpa-onnx {@code tokens.txt} and FunASR {@code tokens.json}.
 */
public final class Tokens {
    private final List<String> pieces;
    private final Map<String, Integer> ids;

    public Tokens(List<String> pieces) {
        this.pieces = List.copyOf(pieces);
        this.ids = new HashMap<>();
        for (int i = 0; i < this.pieces.size(); i++) {
            ids.putIfAbsent(this.pieces.get(i), i);
        }
    }

    /** Reads either form, by extension: {@code .json} is FunASR's array, anything else tokens.txt. */
    public static Tokens read(Path file) {
        return file.getFileName().toString().endsWith(".json") ? readJson(file) : readText(file);
    }

    /** Reads tokens.txt: one {@code <piece> <id>} per line; a line with only an id is the piece " ". */
    public static Tokens readText(Path file) {
        List<String> lines = readLines(file);
        Map<Integer, String> byId = new HashMap<>();
        int max = -1;
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            try {
                int id = Integer.parseInt(fields[fields.length - 1]);
                byId.put(id, fields.length == 1 ? " " : fields[0]);
                max = Math.max(max, id);
            } catch (NumberFormatException e) {
                throw bad(file, "line '" + trimmed + "' does not end in a token id");
            }
        }
        List<String> pieces = new ArrayList<>(max + 1);
        for (int i = 0; i <= max; i++) {
            String piece = byId.get(i);
            if (piece == null) {
                throw bad(file, "token id " + i + " missing");
            }
            pieces.add(piece);
        }
        return new Tokens(pieces);
    }

    /** Reads tokens.json: a JSON array of strings whose index is the token id. */
    public static Tokens readJson(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            if (root == null || !root.isArray()) {
                throw bad(file, "expected a JSON array of token strings");
            }
            List<String> pieces = new ArrayList<>(root.size());
            root.forEach(n -> pieces.add(n.asText()));
            return new Tokens(pieces);
        } catch (IOException e) {
            throw bad(file, e.getMessage());
        }
    }

    public int size() {
        return pieces.size();
    }

    public String piece(int id) {
        return pieces.get(id);
    }

    public OptionalInt id(String piece) {
        Integer id = ids.get(piece);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw bad(file, "cannot read: " + e.getMessage());
        }
    }

    private static SenseVoiceException bad(Path file, String why) {
        return new SenseVoiceException(ExitCode.MODEL_START, file + ": " + why);
    }
}
