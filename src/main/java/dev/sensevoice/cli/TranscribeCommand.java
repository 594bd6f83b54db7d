package dev.sensevoice.cli;

import dev.sensevoice.ExitCode;
import dev.sensevoice.output.OutputLayout;
import dev.sensevoice.transcribe.BatchTranscriber;
import dev.sensevoice.transcribe.Cancellation;
import dev.sensevoice.transcribe.InputFile;
import dev.sensevoice.transcribe.InputWalker;
import dev.sensevoice.transcribe.Stages;
import dev.sensevoice.transcribe.TranscriptionRequest;
import dev.sensevoice.transcribe.TranscriptionSummary;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sensevoice transcribe}: parse, validate, build one request, run it, map the outcome to an exit code. */
@Command(name = "transcribe", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Transcribe audio files, folders and globs: writes <stem>.<format> beside each input "
                + "(or under -o), each to a temporary name first, then renamed.")
final class TranscribeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "Audio files, folders, globs expanded here ('calls/**/*.m4a'; quote them), "
                    + "@list.txt (one path per line), or - (paths on stdin).")
    List<String> inputs;

    @Mixin
    TranscribeOptions options = new TranscribeOptions();

    private final TranscribeWiring wiring;

    TranscribeCommand() {
        this(new DefaultTranscribeWiring());
    }

    TranscribeCommand(TranscribeWiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        options.request(List.of(), wiring.environment()); // usage errors first, before reading stdin
        List<InputFile> found = new InputWalker(wiring.workingDir(), wiring::stdin).walk(inputs, options.recursive);
        TranscriptionRequest request = options.request(found, wiring.environment());
        if (options.dryRun) {
            return dryRun(request, out);
        }
        if (options.download(wiring.environment())) {
            wiring.models().ensure(request.model().name(), new DownloadReporter(err, wiring.stderrIsTerminal()));
        }
        ConsoleReporter reporter = new ConsoleReporter(out, err, options.progressMode(wiring.stderrIsTerminal()),
                options.stdout);
        TranscriptionSummary summary = run(request, reporter);
        reporter.finish(summary);
        if (options.stats != null) {
            wiring.writeStats(options.stats, summary);
        }
        return exitCode(summary).code();
    }

    private TranscriptionSummary run(TranscriptionRequest request, ConsoleReporter reporter) throws Exception {
        Cancellation cancellation = new Cancellation();
        try (Stages stages = wiring.stages().open(request)) {
            AutoCloseable signals = wiring.trapSignals(cancellation, reporter::stopping);
            try {
                String device = request.model().device();
                return new BatchTranscriber(stages, wiring.rss(), wiring.vram(device)).run(request, reporter, cancellation);
            } finally {
                signals.close();
            }
        }
    }

    /** One line per input this process would run: how it is shown, then its outputs. */
    private int dryRun(TranscriptionRequest request, PrintWriter out) {
        OutputLayout layout = OutputLayout.plan(request.inputs(), request.output().formats(),
                request.output().outputDir().orElse(null));
        for (InputFile input : request.selected()) {
            String outputs = layout.paths(input).stream().map(Path::toString).collect(Collectors.joining(", "));
            String missing = Files.exists(input.path()) ? "" : "  (not found)";
            out.println(input.shownAs() + " -> " + outputs + missing);
        }
        out.flush();
        return ExitCode.OK.code();
    }

    static ExitCode exitCode(TranscriptionSummary summary) {
        if (summary.interrupted().isPresent()) {
            return summary.interrupted().get() == Cancellation.Reason.INTERRUPT ? ExitCode.SIGINT : ExitCode.SIGTERM;
        }
        return summary.allDone() ? ExitCode.OK : ExitCode.SOME_FAILED;
    }
}
