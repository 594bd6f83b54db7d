package dev.sensevoice.output;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import dev.sensevoice.transcribe.InputFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where each input's outputs go (design Part 2, "Output files"): {@code <stem>.<format>} beside
 * the input, or under {@code -o DIR} at the input's path relative to the argument it came from
 * (name only for file arguments, {@code @list} and stdin entries). Inputs that would share a name
 * ({@code a.wav}, {@code a.mp3}) both keep their extension ({@code a.wav.json}, {@code a.mp3.json}).
 * Names are compared ignoring case, so the layout is the same on case-insensitive file systems.
 *
 * <p>Plan it from <em>all</em> inputs, before {@code --shard} and {@code --skip-existing} drop
 * any: otherwise two shards could disagree about a collision and write different names.
 */
public final class OutputLayout {
    /** The hidden file that records model and options when no JSON is written. */
    static final String SIDECAR_SUFFIX = ".sensevoice.json";

    private final Set<OutputFormat> formats;
    private final Map<Path, Path> baseByInput;

    private OutputLayout(Set<OutputFormat> formats, Map<Path, Path> baseByInput) {
        this.formats = formats;
        this.baseByInput = baseByInput;
    }

    /**
     * Plans the outputs of every input.
     *
     * @param outputDir the {@code -o} folder, or null to write beside each input
     * @throws SenseVoiceException (usage) when two inputs would still write the same file
     */
    public static OutputLayout plan(Collection<InputFile> inputs, Set<OutputFormat> formats, Path outputDir) {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("no output format");
        }
        Map<String, List<InputFile>> byStem = new HashMap<>();
        for (InputFile input : inputs) {
            String stemKey = key(folder(input, outputDir).resolve(stem(input)));
            byStem.computeIfAbsent(stemKey, k -> new ArrayList<>()).add(input);
        }
        Map<Path, Path> bases = new LinkedHashMap<>();
        Map<String, InputFile> taken = new HashMap<>();
        for (InputFile input : inputs) {
            Path folder = folder(input, outputDir);
            boolean shared = byStem.get(key(folder.resolve(stem(input)))).stream()
                    .map(other -> key(other.path())).distinct().count() > 1;
            Path base = folder.resolve(shared ? name(input) : stem(input));
            InputFile before = taken.putIfAbsent(key(base), input);
            if (before != null && !key(before.path()).equals(key(input.path()))) {
                throw new SenseVoiceException(ExitCode.USAGE, "inputs " + before.shownAs() + " and " + input.shownAs()
                        + " would both write " + base + ".*; rename one or pass them in separate runs");
            }
            bases.put(input.path(), base);
        }
        return new OutputLayout(EnumSet.copyOf(formats), bases);
    }

    public Set<OutputFormat> formats() {
        return EnumSet.copyOf(formats);
    }

    /** The output of {@code input} in {@code format}. */
    public Path path(InputFile input, OutputFormat format) {
        Path base = base(input);
        return base.resolveSibling(base.getFileName() + "." + format.extension());
    }

    /** Every output of {@code input}, in format order. */
    public List<Path> paths(InputFile input) {
        return formats.stream().map(format -> path(input, format)).toList();
    }

    /** The hidden record of model and options, used when JSON is not among the formats. */
    public Path sidecar(InputFile input) {
        Path base = base(input);
        return base.resolveSibling("." + base.getFileName() + SIDECAR_SUFFIX);
    }

    private Path base(InputFile input) {
        Path base = baseByInput.get(input.path());
        if (base == null) {
            throw new IllegalArgumentException("input not in the output plan: " + input.path());
        }
        return base;
    }

    /** The folder the input's outputs go to. */
    private static Path folder(InputFile input, Path outputDir) {
        if (outputDir == null) {
            Path parent = input.path().getParent();
            return parent == null ? Path.of("") : parent;
        }
        Path relative = relativeFolder(input);
        return relative == null ? outputDir : outputDir.resolve(relative);
    }

    /** The input's folder relative to the argument it came from; null for "name only". */
    private static Path relativeFolder(InputFile input) {
        if (input.relativeTo() == null) {
            return null;
        }
        Path base = input.relativeTo().toAbsolutePath().normalize();
        Path file = input.path().toAbsolutePath().normalize();
        if (!file.startsWith(base)) {
            return null;
        }
        return base.relativize(file).getParent();
    }

    static String name(InputFile input) {
        return input.path().getFileName().toString();
    }

    /** The name without its last extension; a dot-file like ".wav" keeps its whole name. */
    static String stem(InputFile input) {
        String name = name(input);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String key(Path path) {
        return path.toAbsolutePath().normalize().toString().toLowerCase(Locale.ROOT);
    }
}
