package dev.sensevoice.cli;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code sensevoice model}: not built yet, and says so. */
@Command(name = "model", mixinStandardHelpOptions = true, description = "List, download, verify and locate models. (not built yet)")
final class ModelCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new SenseVoiceException(ExitCode.NOT_BUILT, "'model' is not built yet");
    }
}
