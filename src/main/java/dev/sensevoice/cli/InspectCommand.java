package dev.sensevoice.cli;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code sensevoice inspect}: not built yet, and says so. */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Show a model's contract or the features computed for an audio file. (not built yet)")
final class InspectCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new SenseVoiceException(ExitCode.NOT_BUILT, "'inspect' is not built yet");
    }
}
