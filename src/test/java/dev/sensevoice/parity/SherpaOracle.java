package dev.sensevoice.parity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference runtime: sherpa-onnx-node (installed by {@code make oracle}, which {@code make
 * test} runs) decoding WAV files through {@code scripts/sherpa-oracle.js}, one JSON line each.
 */
final class SherpaOracle {
    static final Path NODE_MODULES = Path.of("target/oracle/node_modules");
    private static final Path SCRIPT = Path.of("scripts/sherpa-oracle.js");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SherpaOracle() {
    }

    /** Results in the order of {@code wavs}. */
    static List<JsonNode> decode(Path onnx, Path tokens, String language, boolean itn, List<Path> wavs)
            throws IOException, InterruptedException {
        assertTrue(Files.isDirectory(NODE_MODULES.resolve("sherpa-onnx-node")),
                "sherpa-onnx-node is not installed: run 'make oracle' (make test does it)");
        List<String> command = new ArrayList<>(List.of("node", SCRIPT.toString(), "--model", onnx.toString(),
                "--tokens", tokens.toString(), "--language", language, "--itn", itn ? "1" : "0"));
        wavs.forEach(w -> command.add(w.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("NODE_PATH", NODE_MODULES.toAbsolutePath().toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES) && process.exitValue() == 0, "oracle failed: " + out);
        List<JsonNode> results = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                results.add(JSON.readTree(line));
            }
        }
        return results;
    }
}
