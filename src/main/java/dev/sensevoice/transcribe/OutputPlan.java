package dev.sensevoice.transcribe;

import dev.sensevoice.transcribe.TranscriptionRequest.Format;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each input's outputs go (what --dry-run lists). The output package's {@code OutputLayout}
 * is the real rule; {@link #simple} follows design Part 2 so the CLI works until it is wired.
 */
@FunctionalInterface
public interface OutputPlan {
    List<Path> outputsOf(InputFile input);

    /**
     * {@code <stem>.<format>} beside the input, or under {@code outputDir} at the input's path
     * relative to its argument; two inputs that would share a name both use their full file name
     * ({@code a.wav.json}, {@code a.mp3.json}).
     */
    static OutputPlan simple(List<InputFile> inputs, Optional<Path> outputDir, List<Format> formats) {
        Map<Path, Integer> uses = new HashMap<>();
        for (InputFile input : inputs) {
            uses.merge(target(input, outputDir, stem(input)), 1, Integer::sum);
        }
        return input -> {
            Path byStem = target(input, outputDir, stem(input));
            Path base = uses.getOrDefault(byStem, 0) > 1 ? target(input, outputDir, name(input)) : byStem;
            return formats.stream().map(f -> base.resolveSibling(base.getFileName() + "." + f.extension())).toList();
        };
    }

    private static Path target(InputFile input, Optional<Path> outputDir, String name) {
        Path folder = outputDir.map(root -> {
            Path relative = Path.of(Shard.relativePath(input)).getParent();
            return relative == null ? root : root.resolve(relative);
        }).orElse(input.path().toAbsolutePath().getParent());
        return folder.resolve(name);
    }

    private static String name(InputFile input) {
        return input.path().getFileName().toString();
    }

    private static String stem(InputFile input) {
        String name = name(input);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
