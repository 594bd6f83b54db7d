package dev.sensevoice.cli;

import dev.sensevoice.model.ModelDescription;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sensevoice inspect model DIR}: a model directory's contract, without running it. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Show a model directory's flavour, graph inputs and outputs, metadata, "
                + "vocabulary, file sizes and sha256 (runs nothing).")
final class InspectModelCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Model directory (sherpa-onnx or FunASR export).")
    Path dir;

    @Override
    public Integer call() {
        ModelDescription.of(dir).lines().forEach(spec.commandLine().getOut()::println);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
