package dev.sensevoice.cli;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** The root command: {@code sensevoice <subcommand>}. */
@Command(
        name = "sensevoice",
        mixinStandardHelpOptions = true,
        versionProvider = SenseVoiceCommand.Version.class,
        description = "Batch transcriber for the SenseVoice Small speech model "
                + "(speech recognition with language, emotion and audio-event tags).",
        subcommands = {
            TranscribeCommand.class,
            BenchCommand.class,
            CacheCommand.class,
            ModelCommand.class,
            InspectCommand.class,
            CommandLine.HelpCommand.class,
            picocli.AutoComplete.GenerateCompletion.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:every input done (silent inputs included)",
            " 1:some or all inputs failed; the rest were written",
            " 2:usage error, or no input matched",
            " 3:model or runtime could not start",
            " 4:command or option not built yet",
            "130:interrupted by SIGINT",
            "143:interrupted by SIGTERM"
        })
public final class SenseVoiceCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /** The command line with its handlers: what {@code Main} and tests run. */
    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** The same, with a factory that can hand commands their collaborators (tests pass fakes). */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cl = new CommandLine(new SenseVoiceCommand(), factory);
        // "@list.txt" is an input list of transcribe, not picocli's argument file.
        cl.setExpandAtFiles(false);
        cl.setParameterExceptionHandler(SenseVoiceCommand::onParameterException);
        cl.setExecutionExceptionHandler(SenseVoiceCommand::onExecutionException);
        cl.setExitCodeExceptionMapper(t -> t instanceof SenseVoiceException e
                ? e.exitCode().code() : ExitCode.USAGE.code());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(true);
        return cl;
    }

    /** A usage error: one line naming the problem and where help is. */
    private static int onParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("sensevoice: " + ex.getMessage() + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCode.USAGE.code();
    }

    private static int onExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult pr) {
        PrintWriter err = cl.getErr();
        if (ex instanceof SenseVoiceException e) {
            err.println("sensevoice: " + e.getMessage());
            if (System.getenv("SENSEVOICE_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.flush();
            return e.exitCode().code();
        }
        err.println("sensevoice: internal error: " + ex);
        ex.printStackTrace(err);
        err.flush();
        return ExitCode.SOME_FAILED.code();
    }

    /** The version from the jar manifest (or "dev" when run from classes). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sensevoice " + version()};
        }
    }

    public static String version() {
        String v = SenseVoiceCommand.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }
}
