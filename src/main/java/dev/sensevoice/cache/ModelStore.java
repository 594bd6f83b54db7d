package dev.sensevoice.cache;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Where models live and which one a name means. Downloaded models are folders
 * {@code <cache>/models/<name>/}, made visible only by one rename once complete (see
 * {@link ModelStoreInstaller}); bundled models are folders of the repository's {@code models/};
 * a path names a folder directly. Nothing here touches the network except {@link #install}.
 */
public final class ModelStore {
    public static final String DEFAULT_MODEL = "sensevoice-small";
    public static final String DEMO_MODEL = "sensevoice-tiny-digits";
    public static final String CACHE_VARIABLE = "SENSEVOICE_CACHE_DIR";
    private final Path cacheRoot;
    private final ModelManifests manifests;
    private final DownloadSettings downloads;

    public ModelStore(Path cacheRoot, ModelManifests manifests, DownloadSettings downloads) {
        this.cacheRoot = cacheRoot;
        this.manifests = manifests;
        this.downloads = downloads;
    }

    /** The store of this process: cache root and download timeouts from the environment, the repository's manifests. */
    public static ModelStore fromEnvironment(Map<String, String> env) {
        return new ModelStore(cacheRoot(env), ModelManifests.ofRepository(env), DownloadSettings.fromEnvironment(env));
    }

    /** {@code SENSEVOICE_CACHE_DIR}, else {@code $XDG_CACHE_HOME/sensevoice}, else {@code ~/.cache/sensevoice}. */
    public static Path cacheRoot(Map<String, String> env) {
        String dir = env.get(CACHE_VARIABLE);
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "sensevoice");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "sensevoice");
    }

    /** How a name or folder was found. */
    public enum Origin { FOLDER, INSTALLED, BUNDLED }

    /** A model folder and how it was found; {@code notice} when the default fell back to the demo model. */
    public record Located(String name, Path dir, Origin origin, Optional<String> notice) {
    }

    /** A row of {@code model list}: a known or installed model and where it is, if anywhere. */
    public record Listed(String name, Optional<ModelManifest> manifest, Optional<Located> where,
                         Optional<ModelStoreReceipt> receipt) {
    }

    public Path cacheRoot() {
        return cacheRoot;
    }

    public Path modelsDir() {
        return cacheRoot.resolve("models");
    }

    public ModelManifests manifests() {
        return manifests;
    }

    public DownloadSettings downloadSettings() {
        return downloads;
    }

    /**
     * The folder for {@code --model}: a folder as given; else a model installed in the cache; else
     * a bundled one. No name: {@value #DEFAULT_MODEL} when installed, else the bundled demo model
     * with a notice. A known name that is not installed, or an unknown one: one line, exit 3.
     */
    public Located locate(Optional<String> nameOrDir) {
        if (nameOrDir.isEmpty()) {
            return locateDefault();
        }
        String given = nameOrDir.get();
        Path asDir = Path.of(given);
        if (Files.isDirectory(asDir)) {
            return new Located(dirName(asDir), asDir, Origin.FOLDER, Optional.empty());
        }
        if (!plainName(given)) {
            throw missing(given + ": no such model folder; give --model a folder holding the model files, "
                    + "or a name from 'sensevoice model list'");
        }
        return find(given).orElseThrow(() -> notFound(given));
    }

    /** The folder of an installed or bundled model named {@code name}. */
    public Optional<Located> find(String name) {
        if (!plainName(name)) {
            return Optional.empty();
        }
        Path installed = modelsDir().resolve(name);
        if (Files.isDirectory(installed)) {
            return Optional.of(new Located(name, installed, Origin.INSTALLED, Optional.empty()));
        }
        Path bundled = manifests.folder().resolve(name);
        if (Files.isDirectory(bundled)) {
            return Optional.of(new Located(name, bundled, Origin.BUNDLED, Optional.empty()));
        }
        return Optional.empty();
    }

    /**
     * Installs {@code name} from its manifest unless it is there already ({@code force}: again).
     * The only method that uses the network.
     */
    public Located install(String name, boolean force, DownloadListener listener) {
        ModelManifest manifest = manifests.find(name).orElseThrow(() -> unknown(name));
        if (manifest.isBundled()) {
            return find(name).orElseThrow(() -> missing("bundled model " + name + " is missing from "
                    + manifests.folder() + "; restore it from the repository"));
        }
        Path dir = new ModelStoreInstaller(modelsDir(), new DownloadClient(downloads)).install(manifest, force, listener);
        return new Located(name, dir, Origin.INSTALLED, Optional.empty());
    }

    /**
     * What {@code transcribe --download} does first: a known model that is not installed (the
     * default when none is named) is downloaded; then {@link #locate}.
     */
    public Located ensure(Optional<String> nameOrDir, DownloadListener listener) {
        String name = nameOrDir.orElse(DEFAULT_MODEL);
        if (!Files.isDirectory(Path.of(name)) && find(name).isEmpty() && manifests.find(name).isPresent()) {
            install(name, false, listener);
        }
        return locate(Optional.of(name));
    }

    /** Every known model, then every installed folder without a manifest, by name. */
    public List<Listed> list() {
        TreeSet<String> names = new TreeSet<>();
        manifests.all().forEach(m -> names.add(m.name()));
        names.addAll(installedNames());
        List<Listed> rows = new ArrayList<>();
        for (String name : names) {
            Optional<Located> where = find(name);
            rows.add(new Listed(name, manifests.find(name), where, where.flatMap(l -> ModelStoreReceipt.read(l.dir()))));
        }
        return rows;
    }

    private Located locateDefault() {
        Optional<Located> preferred = find(DEFAULT_MODEL).filter(l -> l.origin() == Origin.INSTALLED);
        if (preferred.isPresent()) {
            return preferred.get();
        }
        Located demo = find(DEMO_MODEL).orElseThrow(() -> notFound(DEFAULT_MODEL));
        return new Located(demo.name(), demo.dir(), demo.origin(), Optional.of(DEFAULT_MODEL
                + " is not installed (sensevoice model download " + DEFAULT_MODEL
                + "); using the bundled digits-only demo model"));
    }

    private List<String> installedNames() {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(modelsDir())) {
            return names;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(modelsDir(), Files::isDirectory)) {
            dirs.forEach(d -> {
                if (plainName(d.getFileName().toString())) {
                    names.add(d.getFileName().toString());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(modelsDir() + ": cannot list: " + e.getMessage(), e);
        }
        return names;
    }

    private SenseVoiceException notFound(String name) {
        if (manifests.find(name).isPresent()) {
            return missing("model '" + name + "' is not installed; run: sensevoice model download " + name);
        }
        return unknown(name);
    }

    private SenseVoiceException unknown(String name) {
        return missing("model '" + name + "' is not known (not a folder, not in " + modelsDir()
                + ", not bundled); see 'sensevoice model list'");
    }

    /** A model name: letters, digits, '.', '_' and '-', not starting with '.' (hidden folders are work in progress). */
    static boolean plainName(String name) {
        return name.matches("[A-Za-z0-9_-][A-Za-z0-9._-]*");
    }

    private static String dirName(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? dir.toString() : name.toString();
    }

    private static SenseVoiceException missing(String message) {
        return new SenseVoiceException(ExitCode.MODEL_START, message);
    }
}
