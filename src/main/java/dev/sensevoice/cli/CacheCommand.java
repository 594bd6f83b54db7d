package dev.sensevoice.cli;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import dev.sensevoice.cache.CacheRoot;
import dev.sensevoice.cache.SnapshotCatalog;
import dev.sensevoice.cache.SnapshotManifest;
import dev.sensevoice.cache.SnapshotStore;
import dev.sensevoice.model.DeviceRequest;
import dev.sensevoice.model.ModelFiles;
import dev.sensevoice.model.ModelOptions;
import dev.sensevoice.model.Precision;
import dev.sensevoice.model.SenseVoiceModel;
import dev.sensevoice.cache.ModelStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sensevoice cache}: optimized model snapshots under the cache root
 * (SENSEVOICE_CACHE_DIR, else $XDG_CACHE_HOME/sensevoice, else ~/.cache/sensevoice).
 */
@Command(name = "cache", mixinStandardHelpOptions = true,
        description = "Build, list, check and clear optimized model snapshots (transcribe uses a matching one "
                + "automatically; --no-snapshot skips it).",
        subcommands = {CacheCommand.Warm.class, CacheCommand.Status.class, CacheCommand.Verify.class,
            CacheCommand.Clear.class})
final class CacheCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    CacheCommand() {
        this(System.getenv());
    }

    CacheCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }

    Path root() {
        return CacheRoot.resolve(env);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Command(name = "warm", mixinStandardHelpOptions = true,
            description = "Build the optimized snapshot of each of the model's files (fp32 and int8) for the device; "
                    + "an up-to-date snapshot is kept.")
    static final class Warm implements Callable<Integer> {
        @ParentCommand
        CacheCommand parent;

        @Option(names = "--model", paramLabel = "NAME|DIR", description = "Model name or folder (default: the bundled model).")
        String model;

        @Option(names = "--device", paramLabel = "auto|cpu|cuda[:N]", defaultValue = "auto",
                description = "Device the snapshot is for (default: ${DEFAULT-VALUE}).")
        String device;

        @Override
        public Integer call() {
            PrintWriter out = parent.out();
            ModelFiles files = ModelFiles.locate(ModelStore.fromEnvironment(System.getenv()).locate(Optional.ofNullable(model)).dir());
            SnapshotStore store = SnapshotStore.open(parent.root(), SnapshotStore.Mode.BUILD,
                    w -> parent.spec.commandLine().getErr().println("sensevoice: warning: " + w));
            for (Precision precision : precisions(files)) {
                int before = store.published().size();
                try (SenseVoiceModel opened = SenseVoiceModel.open(files, options(precision), store, w -> { })) {
                    String file = opened.info().file().getFileName().toString();
                    out.println(store.published().size() > before
                            ? built(file, opened.info().device().label(), store.published().get(before))
                            : file + " (" + opened.info().device().label() + "): snapshot up to date");
                }
            }
            out.flush();
            return ExitCode.OK.code();
        }

        private ModelOptions options(Precision precision) {
            try {
                return ModelOptions.defaults().withPrecision(precision)
                        .withDevice(DeviceRequest.parse(device.toLowerCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new SenseVoiceException(ExitCode.USAGE, "--device " + device + ": " + e.getMessage());
            }
        }

        private static List<Precision> precisions(ModelFiles files) {
            List<Precision> all = new ArrayList<>();
            files.fp32().ifPresent(f -> all.add(Precision.FP32));
            files.int8().ifPresent(f -> all.add(Precision.INT8));
            return all;
        }

        private static String built(String file, String device, SnapshotManifest m) {
            return String.format(Locale.ROOT, "%s (%s): built snapshot %s, %s in %.1f s", file, device,
                    m.key().dirName(), Sizes.human(m.size()), m.buildSeconds());
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "List snapshots with their size, whether each is usable, and the known model file it belongs to.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        CacheCommand parent;

        @Override
        public Integer call() {
            PrintWriter out = parent.out();
            List<SnapshotCatalog.Entry> entries = new SnapshotCatalog(parent.root()).list();
            long total = entries.stream().mapToLong(SnapshotCatalog.Entry::bytes).sum();
            out.println("cache " + parent.root() + ": " + entries.size() + " snapshot(s), " + Sizes.human(total));
            entries.forEach(e -> out.println(line(e)));
            out.flush();
            return ExitCode.OK.code();
        }

        private static String line(SnapshotCatalog.Entry e) {
            String state = e.problem().map(p -> "unusable: " + p).orElse("ok");
            String model = e.models().isEmpty() ? "no known model file (never hashed here, or changed since)"
                    : "model " + e.models().get(0) + (e.models().size() > 1 ? " (+" + (e.models().size() - 1) + " more)" : "");
            String key = e.manifest().map(m -> m.key().device() + ", ORT " + m.key().ortVersion() + ", "
                    + m.key().optimization()).orElse("-");
            return "  " + e.dir().getFileName() + "  " + Sizes.human(e.bytes()) + "  " + state + "  " + key + "  " + model;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Rehash every remembered model file and every snapshot; damaged snapshots are removed. "
                    + "Exit 1 when any was damaged.")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        CacheCommand parent;

        @Override
        public Integer call() {
            PrintWriter out = parent.out();
            List<SnapshotCatalog.Check> checks = new SnapshotCatalog(parent.root()).verify();
            checks.forEach(c -> out.println("  " + c.verdict().name().toLowerCase(Locale.ROOT) + "  " + c.path()
                    + ": " + c.detail()));
            long damaged = checks.stream().filter(c -> c.verdict() == SnapshotCatalog.Verdict.DAMAGED).count();
            out.println(checks.size() + " file(s) checked, " + damaged + " damaged");
            out.flush();
            return damaged == 0 ? ExitCode.OK.code() : ExitCode.SOME_FAILED.code();
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true,
            description = "Remove snapshots (the default), or with --all everything in the cache (downloaded models too).")
    static final class Clear implements Callable<Integer> {
        @ParentCommand
        CacheCommand parent;

        @ArgGroup(exclusive = true)
        What what;

        static final class What {
            @Option(names = "--snapshots", description = "Only the snapshots (the default).")
            boolean snapshots;

            @Option(names = "--all", description = "Snapshots, downloaded models and the hash memo.")
            boolean all;
        }

        @Override
        public Integer call() {
            SnapshotCatalog catalog = new SnapshotCatalog(parent.root());
            boolean all = what != null && what.all;
            long freed = all ? catalog.clearAll() : catalog.clearSnapshots();
            parent.out().println("removed " + (all ? "everything" : "all snapshots") + " under " + parent.root()
                    + " (" + Sizes.human(freed) + ")");
            parent.out().flush();
            return ExitCode.OK.code();
        }
    }
}
