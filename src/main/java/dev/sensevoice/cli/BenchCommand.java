package dev.sensevoice.cli;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import dev.sensevoice.bench.BenchPlan;
import dev.sensevoice.bench.BenchRow;
import dev.sensevoice.bench.BenchRunner;
import dev.sensevoice.bench.BenchTable;
import dev.sensevoice.metrics.RssProbe;
import dev.sensevoice.metrics.VramProbe;
import dev.sensevoice.transcribe.SenseVoiceStages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sensevoice bench}: runs the grid through the real pipeline and prints a markdown table. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure model load, per-stage time, RTF, throughput, padding and memory over audio lengths, "
                + "batch sizes, devices and thread counts, through the real pipeline. Prints a markdown table.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "NAME|DIR", description = "Model name or folder (default: the bundled model).")
    String model;

    @Option(names = "--quick", description = "Small grid (10 and 30 s, batch-s 10 and 30, one run): under 2 minutes on a small model.")
    boolean quick;

    @Option(names = "--lengths", paramLabel = "S,...", split = ",",
            description = "Seconds of synthesized speech (espeak-ng) per configuration (default: 10,60,180,300).")
    List<Double> lengths;

    @Option(names = "--audio", paramLabel = "FILE,...", split = ",", description = "Recordings to use instead of synthesized speech.")
    List<Path> audio;

    @Option(names = "--batch-s", paramLabel = "S,...", split = ",", description = "--batch-s values (default: 10,30,60).")
    List<Double> batchS;

    @Option(names = "--device", paramLabel = "D,...", split = ",", description = "auto, cpu, cuda or cuda:N (default: auto).")
    List<String> devices;

    @Option(names = "--threads", paramLabel = "N,...", split = ",", description = "Inference threads (default: all cores).")
    List<Integer> threads;

    @Option(names = "--inference-workers", paramLabel = "N,...", split = ",",
            description = "Inference workers (default: as transcribe: one per thread on CPU, 1 on a GPU).")
    List<Integer> workers;

    @Option(names = "--repeat", paramLabel = "N", description = "Measured runs per configuration after one warm-up (default: 3; --quick: 1).")
    Integer repeat;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the rows as CSV.")
    Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the rows as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
        BenchPlan plan = plan();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path work = Files.createTempDirectory("sensevoice-bench");
        try {
            BenchRunner runner = new BenchRunner(new SenseVoiceStages(w -> err.println("sensevoice: warning: " + w)),
                    new RssProbe(), d -> d.equals("cpu") ? VramProbe.NONE : VramProbe.nvidiaSmi(),
                    line -> { err.println(line); err.flush(); });
            List<BenchRow> rows = runner.run(plan, work);
            BenchTable table = new BenchTable(rows);
            out.print(table.markdown());
            out.flush();
            write(csv, table.csv());
            write(json, table.json());
            return ExitCode.OK.code();
        } finally {
            deleteTree(work);
        }
    }

    BenchPlan plan() {
        Optional<String> name = Optional.ofNullable(model);
        BenchPlan p = quick ? BenchPlan.quick(name) : BenchPlan.defaults(name);
        try {
            p = lengths == null ? p : p.withLengths(lengths);
            p = audio == null ? p : p.withAudio(audio);
            p = batchS == null ? p : p.withBatchS(batchS);
            p = devices == null ? p : p.withDevices(devices);
            p = threads == null ? p : p.withThreads(threads);
            p = workers == null ? p : p.withInferenceWorkers(workers);
            return repeat == null ? p : p.withRepeat(repeat);
        } catch (IllegalArgumentException e) {
            throw new SenseVoiceException(ExitCode.USAGE, "bench: " + e.getMessage());
        }
    }

    private static void write(Path file, String text) throws IOException {
        if (file != null) {
            BenchTable.write(file, text);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
