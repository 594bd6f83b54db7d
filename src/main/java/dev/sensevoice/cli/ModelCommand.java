package dev.sensevoice.cli;

import dev.sensevoice.cache.DownloadSettings;
import dev.sensevoice.cache.ModelManifest;
import dev.sensevoice.cache.ModelStore;
import dev.sensevoice.cache.ModelStoreCheck;
import dev.sensevoice.cache.ModelStoreReceipt;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sensevoice model list|download|verify|path}: the model store on the command line. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "List, download, verify and locate models (cache: SENSEVOICE_CACHE_DIR, else "
                + "$XDG_CACHE_HOME/sensevoice, else ~/.cache/sensevoice).",
        subcommands = {ModelCommand.ListModels.class, ModelCommand.Download.class, ModelCommand.Verify.class,
            ModelCommand.Where.class})
final class ModelCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;
    private final Supplier<ModelStore> store;
    private final boolean terminal;

    ModelCommand() {
        this(() -> ModelStore.fromEnvironment(System.getenv()), new DefaultTranscribeWiring().stderrIsTerminal());
    }

    ModelCommand(Supplier<ModelStore> store, boolean terminal) {
        this.store = store;
        this.terminal = terminal;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand (list, download, verify or path)");
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Known and installed models: status, size, where; installed files with their sha256.")
    static final class ListModels implements Callable<Integer> {
        @ParentCommand
        ModelCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ModelStore store = parent.store.get();
            out.printf(Locale.ROOT, "%-30s %-14s %10s  %s%n", "NAME", "STATUS", "SIZE", "WHERE");
            for (ModelStore.Listed row : store.list()) {
                out.printf(Locale.ROOT, "%-30s %-14s %10s  %s%n", row.name(), status(row), size(row), where(row));
                row.receipt().ifPresent(r -> r.files().forEach(f -> out.printf(Locale.ROOT,
                        "    %-26s %,15d bytes  sha256 %s%s%n", f.name(), f.size(), f.sha256(),
                        f.official() ? " (official)" : " (recorded at first download)")));
            }
            out.println("cache: " + store.modelsDir());
            out.flush();
            return 0;
        }

        private static String status(ModelStore.Listed row) {
            if (row.where().isEmpty()) {
                return row.manifest().map(ModelManifest::isBundled).orElse(false) ? "missing" : "not installed";
            }
            return switch (row.where().get().origin()) {
                case BUNDLED -> "bundled";
                case INSTALLED -> row.manifest().isPresent() ? "installed" : "installed*";
                case FOLDER -> "folder";
            };
        }

        private static String size(ModelStore.Listed row) {
            if (row.where().isPresent()) {
                return DownloadReporter.mb(folderBytes(row.where().get().dir()));
            }
            return row.manifest().flatMap(m -> m.approximateBytes().isPresent()
                    ? Optional.of("~" + DownloadReporter.mb(m.approximateBytes().getAsLong())) : Optional.empty())
                    .orElse("?");
        }

        private static String where(ModelStore.Listed row) {
            if (row.where().isPresent()) {
                return row.where().get().dir().toString();
            }
            return row.manifest().map(m -> m.downloads().isEmpty() ? "" : m.downloads().get(0).url().toString()
                    + (m.downloads().size() > 1 ? " (+" + (m.downloads().size() - 1) + " more)" : "")).orElse("");
        }

        private static long folderBytes(Path dir) {
            long sum = 0;
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, Files::isRegularFile)) {
                for (Path f : files) {
                    sum += f.getFileName().toString().equals(ModelStoreReceipt.FILE_NAME) ? 0 : Files.size(f);
                }
            } catch (IOException e) {
                return sum;
            }
            return sum;
        }
    }

    @Command(name = "download", mixinStandardHelpOptions = true,
            description = "Download and install a known model into the cache; an interrupted download resumes.")
    static final class Download implements Callable<Integer> {
        @ParentCommand
        ModelCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "A model from 'sensevoice model list'.")
        String name;
        @Option(names = "--force", description = "Download and install again even if installed.")
        boolean force;
        @Option(names = "--timeout", paramLabel = "S",
                description = "Fail when the server sends nothing for S seconds (env SENSEVOICE_DOWNLOAD_TIMEOUT_S; default 30).")
        Double timeoutS;

        @Override
        public Integer call() {
            ModelStore store = parent.store.get();
            if (timeoutS != null) {
                DownloadSettings s = store.downloadSettings().withTimeout(Duration.ofMillis(Math.round(timeoutS * 1000)));
                store = new ModelStore(store.cacheRoot(), store.manifests(), s);
            }
            DownloadReporter progress = new DownloadReporter(spec.commandLine().getErr(), parent.terminal);
            ModelStore.Located installed = store.install(name, force, progress);
            spec.commandLine().getOut().println(installed.dir());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check a model: files, sizes and sha256 (official or recorded at download), metadata, "
                    + "and a test run of 1 s of generated audio. A damaged file: one line naming it, exit 3.")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        ModelCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "NAME|DIR", description = "An installed or bundled model, or a model folder.")
        String model;

        @Override
        public Integer call() {
            ModelStore store = parent.store.get();
            ModelStore.Located located = store.locate(Optional.of(model));
            String name = located.origin() == ModelStore.Origin.FOLDER
                    ? ModelStoreReceipt.read(located.dir()).map(ModelStoreReceipt::name).orElse(located.name())
                    : located.name();
            PrintWriter out = spec.commandLine().getOut();
            out.println(located.dir());
            new ModelStoreCheck(located, store.manifests().find(name), line -> {
                out.println(line);
                out.flush();
            }).run();
            out.println("ok  " + located.name() + " is sound");
            out.flush();
            return 0;
        }
    }

    @Command(name = "path", mixinStandardHelpOptions = true,
            description = "Print the folder of an installed or bundled model (exit 3 when it is not installed).")
    static final class Where implements Callable<Integer> {
        @ParentCommand
        ModelCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "A model name.")
        String name;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(parent.store.get().locate(Optional.of(name)).dir());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
