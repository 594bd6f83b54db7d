package dev.sensevoice.cli;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
        listExitCodes(cl);
        return cl;
    }

    /** Every command's help lists the exit codes, from the one table in {@link ExitCode}. */
    private static void listExitCodes(CommandLine cl) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            codes.put(String.format(Locale.ROOT, "%3d", code.code()), code.meaning());
        }
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        cl.getSubcommands().values().forEach(SenseVoiceCommand::listExitCodes);
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
