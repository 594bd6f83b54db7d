package dev.sensevoice.vad;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SileroModelFileTest {
    @TempDir
    Path root;

    private Path place(Path base) throws IOException {
        Path file = base.resolve(SileroModelFile.RELATIVE_PATH);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {1});
        return file;
    }

    @Test
    void findsTheRepositoryCopyAboveTheJar() throws IOException {
        Path model = place(root.resolve("repo"));
        Path jar = root.resolve("repo/target/sensevoice.jar");
        assertEquals(model, SileroModelFile.locate(null, null, jar));
        assertEquals(model, SileroModelFile.locate(null, "", root.resolve("repo/target/classes")));
    }

    @Test
    void homeVariableWinsOverTheJarAndAnExplicitPathOverBoth() throws IOException {
        place(root.resolve("repo"));
        Path home = place(root.resolve("home"));
        Path jar = root.resolve("repo/target/sensevoice.jar");
        assertEquals(home, SileroModelFile.locate(null, root.resolve("home").toString(), jar));
        Path explicit = Files.write(root.resolve("mine.onnx"), new byte[] {2});
        assertEquals(explicit, SileroModelFile.locate(explicit, root.resolve("home").toString(), jar));
    }

    @Test
    void missingFileIsOneLineNamingWhereItLookedAndWhatToDo() {
        Path explicit = root.resolve("nowhere.onnx");
        SenseVoiceException e = assertThrows(SenseVoiceException.class,
                () -> SileroModelFile.locate(explicit, null, null));
        assertEquals(ExitCode.MODEL_START, e.exitCode());
        assertTrue(e.getMessage().contains(explicit.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("SENSEVOICE_HOME") && !e.getMessage().contains("\n"), e.getMessage());
        assertThrows(SenseVoiceException.class,
                () -> SileroModelFile.locate(null, null, root.resolve("elsewhere/target/sensevoice.jar")));
    }

    @Test
    void theRepositoryModelOpensAndIsV5() {
        try (SileroModel model = SileroModel.open(null)) {
            assertTrue(model.file().endsWith(SileroModelFile.RELATIVE_PATH), model.file().toString());
        }
    }

    @Test
    void aDamagedModelFileIsAModelStartError() throws IOException {
        Path damaged = Files.write(root.resolve("damaged.onnx"), new byte[] {1, 2, 3});
        SenseVoiceException e = assertThrows(SenseVoiceException.class, () -> SileroModel.open(damaged));
        assertEquals(ExitCode.MODEL_START, e.exitCode());
        assertTrue(e.getMessage().startsWith("Silero VAD model " + damaged + " could not be loaded"), e.getMessage());
    }
}
