package dev.sensevoice.transcribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class ShardTest {
    private static List<InputFile> corpus() {
        List<InputFile> files = new ArrayList<>();
        Path root = Path.of("corpus").toAbsolutePath();
        for (int i = 0; i < 500; i++) {
            files.add(new InputFile(root.resolve("d" + i % 7 + "/rec " + i + "é.wav"), root, "x"));
        }
        return files;
    }

    @Test
    void shardsAreDisjointAndCoverEverything() {
        List<InputFile> all = corpus();
        for (int n : List.of(1, 2, 3, 8)) {
            Set<InputFile> union = new HashSet<>();
            int total = 0;
            for (int i = 0; i < n; i++) {
                List<InputFile> part = new Shard(i, n).apply(all);
                total += part.size();
                union.addAll(part);
                assertTrue(n == 1 || part.size() < all.size(), "shard " + i + "/" + n + " is a real part");
            }
            assertEquals(all.size(), total, "disjoint");
            assertEquals(Set.copyOf(all), union, "covering");
        }
    }

    @Test
    void theHashIsCrc32OfTheUtf8RelativePathSoItIsTheSameEverywhere() {
        CRC32 crc = new CRC32();
        crc.update("d1/rec 1é.wav".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(crc.getValue(), Shard.hash("d1/rec 1é.wav"));
        InputFile here = new InputFile(Path.of("/a/corpus/d1/x.wav"), Path.of("/a/corpus"), "x");
        InputFile there = new InputFile(Path.of("/mnt/b/corpus/d1/x.wav"), Path.of("/mnt/b/corpus"), "y");
        assertEquals("d1/x.wav", Shard.relativePath(here));
        assertEquals("x.wav", Shard.relativePath(new InputFile(Path.of("/a/corpus/d1/x.wav"), null, "x")));
        for (int n = 1; n < 10; n++) {
            assertEquals(new Shard(0, n).keeps(here), new Shard(0, n).keeps(there));
        }
    }

    @Test
    void autoTakesTheIndexFromKubernetesOrSlurm() {
        assertEquals(new Shard(3, 4), Shard.parse("auto/4", Map.of("JOB_COMPLETION_INDEX", "3")));
        assertEquals(new Shard(2, 4), Shard.parse("auto/4",
                Map.of("SLURM_ARRAY_TASK_ID", "7", "SLURM_ARRAY_TASK_MIN", "5")));
        assertEquals(new Shard(1, 2), Shard.parse("1/2", Map.of()));
        SenseVoiceException e = assertThrows(SenseVoiceException.class, () -> Shard.parse("auto/4", Map.of()));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("JOB_COMPLETION_INDEX"));
    }

    @Test
    void badSpecsAreUsageErrors() {
        for (String bad : List.of("4/4", "-1/4", "1", "a/b", "0/0", "auto/x")) {
            SenseVoiceException e = assertThrows(SenseVoiceException.class, () -> Shard.parse(bad, Map.of()), bad);
            assertEquals(ExitCode.USAGE, e.exitCode());
        }
    }
}
