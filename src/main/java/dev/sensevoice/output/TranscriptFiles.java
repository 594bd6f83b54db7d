package dev.sensevoice.output;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import dev.sensevoice.transcribe.InputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the set of outputs of one input and tells whether an earlier set can be kept
 * ({@code --skip-existing}). The record of model and options that proves a set complete is the
 * JSON transcript when JSON is among the formats, else a hidden sidecar
 * {@code .<output name>.sensevoice.json} beside the outputs. Order makes it a proof: an existing
 * record is deleted before anything of a set is replaced, and written again last, so a run killed
 * half-way leaves no record and the next {@code --skip-existing} run redoes that input.
 * Safe for concurrent use on different inputs.
 */
public final class TranscriptFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OutputLayout layout;
    private final Set<Path> cleanedFolders = ConcurrentHashMap.newKeySet();

    public TranscriptFiles(OutputLayout layout) {
        this.layout = layout;
    }

    public OutputLayout layout() {
        return layout;
    }

    /**
     * Writes every requested format atomically, the record last; returns the outputs written.
     *
     * @throws SenseVoiceException (some failed) naming the input and the output that could not be written
     */
    public List<Path> write(InputFile input, Transcript transcript) {
        Path record = record(input);
        removeLeftoversOnce(record);
        List<Path> written = new ArrayList<>();
        attempt(input, record, () -> Files.deleteIfExists(record));
        for (OutputFormat format : layout.formats()) {
            if (format != OutputFormat.JSON) {
                written.add(write(input, layout.path(input, format), out -> format.writer().write(transcript, out)));
            }
        }
        if (layout.formats().contains(OutputFormat.JSON)) {
            attempt(input, layout.sidecar(input), () -> Files.deleteIfExists(layout.sidecar(input)));
            written.add(write(input, record, out -> OutputFormat.JSON.writer().write(transcript, out)));
        } else {
            write(input, record, out -> JsonWriter.writeSidecar(transcript.model(), transcript.options(), out));
        }
        return written;
    }

    private static Path write(InputFile input, Path target, AtomicFile.Content content) {
        attempt(input, target, () -> AtomicFile.write(target, content));
        return target;
    }

    @FunctionalInterface
    private interface FileAction {
        void run() throws IOException;
    }

    private static void attempt(InputFile input, Path target, FileAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new SenseVoiceException(ExitCode.SOME_FAILED, input.shownAs() + ": cannot write " + target
                    + " (" + AtomicFile.reason(e) + "); check that the folder is writable and has free space", e);
        }
    }

    /**
     * Whether every requested output of {@code input} exists and its record names the same model
     * (by sha256) and the same {@link TranscriptOptions}. A record that cannot be read is not up to date.
     */
    public boolean upToDate(InputFile input, ModelStamp model, TranscriptOptions options) {
        Path record = record(input);
        if (!Files.isRegularFile(record) || !layout.paths(input).stream().allMatch(Files::isRegularFile)) {
            return false;
        }
        try {
            Stamp stamp = readStamp(record);
            return model.sha256().equals(stamp.model().path("sha256").asText(null))
                    && MAPPER.readTree(JsonWriter.optionsJson(options)).equals(stamp.options());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private Path record(InputFile input) {
        return layout.formats().contains(OutputFormat.JSON)
                ? layout.path(input, OutputFormat.JSON) : layout.sidecar(input);
    }

    private void removeLeftoversOnce(Path output) {
        Path folder = output.toAbsolutePath().getParent();
        if (cleanedFolders.add(folder) && Files.isDirectory(folder)) {
            AtomicFile.removeLeftovers(folder);
        }
    }

    private record Stamp(JsonNode model, JsonNode options) {
    }

    /** Reads "model" and "options" from the top level, skipping the (possibly long) segments. */
    private static Stamp readStamp(Path record) throws IOException {
        JsonNode model = null;
        JsonNode options = null;
        try (JsonParser parser = MAPPER.createParser(record.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(record + ": not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "model" -> model = parser.readValueAsTree();
                    case "options" -> options = parser.readValueAsTree();
                    default -> parser.skipChildren();
                }
            }
        }
        if (model == null || options == null) {
            throw new IOException(record + ": no model or options");
        }
        return new Stamp(model, options);
    }
}
