package dev.sensevoice.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code sensevoice inspect}: look at a model's contract or the features of an audio file. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show a model's contract or the features computed for an audio file.",
        subcommands = {InspectModelCommand.class, InspectFeaturesCommand.class})
final class InspectCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: model or features");
    }
}
