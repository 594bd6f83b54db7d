package dev.sensevoice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import dev.sensevoice.bench.BenchPlan;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Options to plan; the run itself is tested through the Java API (bench.BenchRunnerTest). */
class BenchCommandTest {
    private static BenchPlan plan(String... args) {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs(args);
        return command.plan();
    }

    @Test
    void quickIsASmallGridAndFlagsOverrideIt() {
        BenchPlan quick = plan("--quick", "--model", "m");
        assertEquals(List.of(10.0, 30.0), quick.lengthsS());
        assertEquals(List.of(10.0, 30.0), quick.batchS());
        assertEquals(1, quick.repeat());
        assertEquals(Optional.of("m"), quick.model());
        BenchPlan custom = plan("--quick", "--lengths", "5,60", "--device", "cpu,cuda:1", "--threads", "1,2",
                "--inference-workers", "2", "--repeat", "4");
        assertEquals(List.of(5.0, 60.0), custom.lengthsS());
        assertEquals(List.of("cpu", "cuda:1"), custom.devices());
        assertEquals(List.of(1, 2), custom.threads());
        assertEquals(List.of(2), custom.inferenceWorkers());
        assertEquals(4, custom.repeat());
    }

    @Test
    void theDefaultGridIsFourLengthsThreeBatchSizesThreeRuns() {
        BenchPlan d = plan();
        assertEquals(List.of(10.0, 60.0, 180.0, 300.0), d.lengthsS());
        assertEquals(List.of(10.0, 30.0, 60.0), d.batchS());
        assertEquals(3, d.repeat());
    }

    @Test
    void badValuesAreUsageErrors() {
        SenseVoiceException e = assertThrows(SenseVoiceException.class, () -> plan("--repeat", "0"));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals("bench: repeat (0) must be at least 1", e.getMessage());
    }

    @Test
    void gpuMemoryLimitsTakeBinaryUnits() {
        assertEquals(6L << 30, TranscribeOptions.bytes("gpu-mem-limit", "6G"));
        assertEquals(4096L << 20, TranscribeOptions.bytes("gpu-mem-limit", "4096m"));
        assertEquals(1000L, TranscribeOptions.bytes("gpu-mem-limit", "1000"));
        assertEquals(ExitCode.USAGE, assertThrows(SenseVoiceException.class,
                () -> TranscribeOptions.bytes("gpu-mem-limit", "lots")).exitCode());
    }
}
