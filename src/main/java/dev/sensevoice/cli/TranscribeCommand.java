package dev.sensevoice.cli;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code sensevoice transcribe}: not built yet, and says so. */
@Command(name = "transcribe", mixinStandardHelpOptions = true, description = "Transcribe audio files, folders and globs. (not built yet)")
final class TranscribeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new SenseVoiceException(ExitCode.NOT_BUILT, "'transcribe' is not built yet");
    }
}
