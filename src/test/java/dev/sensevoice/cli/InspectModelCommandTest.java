package dev.sensevoice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sensevoice.SenseVoiceException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InspectModelCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void printsFlavourSignatureAndHashes() throws Exception {
        Path dir = Path.of("src/test/resources/models/test-sherpa");
        assertEquals(0, run(dir.toString()));
        String text = out.toString();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(dir.resolve("model.int8.onnx"))));
        assertTrue(text.contains("(sherpa-onnx export)"), text);
        assertTrue(text.contains("  input    text_norm int32[N]"), text);
        assertTrue(text.contains("file       model.int8.onnx  " + Files.size(dir.resolve("model.int8.onnx"))
                + " bytes  int8  sha256 " + sha), text);
        assertTrue(text.contains("tokens     tokens.txt"), text);
    }

    @Test
    void aDirectoryWithoutAModelIsExitThreeWithOneLine(@TempDir Path empty) {
        assertEquals(3, run(empty.toString()));
        assertEquals("sensevoice: " + empty + ": no model.onnx, model.int8.onnx or model_quant.onnx; "
                + "is this a SenseVoice model directory?", err.toString().strip());
    }

    /** The command as the root would run it: a SenseVoiceException becomes its message and exit code. */
    private int run(String... args) {
        CommandLine cl = new CommandLine(new InspectModelCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler((ex, c, parse) -> {
            c.getErr().println("sensevoice: " + ex.getMessage());
            c.getErr().flush();
            return ((SenseVoiceException) ex).exitCode().code();
        });
        return cl.execute(args);
    }
}
