package dev.sensevoice.cli;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code sensevoice cache}: not built yet, and says so. */
@Command(name = "cache", mixinStandardHelpOptions = true, description = "Build, list and clear optimized model snapshots. (not built yet)")
final class CacheCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new SenseVoiceException(ExitCode.NOT_BUILT, "'cache' is not built yet");
    }
}
