package dev.sensevoice.cli;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code sensevoice bench}: not built yet, and says so. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure latency, real-time factor and memory over audio lengths and batch sizes. (not built yet)")
final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new SenseVoiceException(ExitCode.NOT_BUILT, "'bench' is not built yet");
    }
}
