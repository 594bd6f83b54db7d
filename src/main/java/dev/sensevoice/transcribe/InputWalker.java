package dev.sensevoice.transcribe;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns command-line arguments into inputs: files (taken as given, whatever their extension),
 * folders (their audio files; all nested ones with {@code recursive}), globs (expanded here, see
 * {@link Glob}), {@code @list.txt} (one path per line; blank lines and {@code #} comments skipped)
 * and {@code -} (paths on stdin). Hidden files and folders are skipped while walking. The result
 * is de-duplicated by real path and sorted by how each input is shown.
 *
 * <p>A path that does not exist stays in the list (it fails, named, as that input's error);
 * only when nothing at all is found is it a usage error.
 */
public final class InputWalker {
    /** What a folder or a glob yields; other files there (our own outputs among them) are left alone. */
    public static final Set<String> AUDIO_EXTENSIONS = Set.of("wav", "wave", "flac", "mp3", "ogg", "oga",
            "opus", "m4a", "m4b", "aac", "webm", "mp4", "m4v", "mov", "wma", "aiff", "aif", "aifc", "amr",
            "mkv", "mka", "3gp", "caf", "au", "ac3", "wv", "spx");

    private final Path workingDir;
    private final Supplier<InputStream> stdin;

    public InputWalker(Path workingDir, Supplier<InputStream> stdin) {
        this.workingDir = workingDir.toAbsolutePath().normalize();
        this.stdin = stdin;
    }

    /** Every input of {@code arguments}; a {@code SenseVoiceException} (usage) when there is none. */
    public List<InputFile> walk(List<String> arguments, boolean recursive) {
        List<InputFile> found = new ArrayList<>();
        for (String argument : arguments) {
            found.addAll(expand(argument, recursive));
        }
        if (found.isEmpty()) {
            throw new SenseVoiceException(ExitCode.USAGE, "no input matched " + String.join(" ", arguments)
                    + "; give audio files, folders (-r to descend into subfolders) or globs");
        }
        return sorted(deduplicated(found));
    }

    public static boolean isAudio(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && AUDIO_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private List<InputFile> expand(String argument, boolean recursive) {
        if (argument.equals("-")) {
            return listed("stdin", readLines(stdin.get(), "stdin"));
        }
        Path path = workingDir.resolve(argument);
        if (argument.startsWith("@") && !Files.exists(path)) {
            Path list = workingDir.resolve(argument.substring(1));
            return listed(argument, readList(list, argument));
        }
        if (Files.isDirectory(path)) {
            return folder(argument, path, recursive);
        }
        if (!Files.exists(path) && Glob.looksLikeGlob(argument)) {
            return glob(argument);
        }
        return List.of(file(argument, path));
    }

    /** A file named directly: no relative-to folder, so its outputs take its name only. */
    private InputFile file(String shownAs, Path path) {
        return new InputFile(path.toAbsolutePath().normalize(), null, shownAs);
    }

    /** Entries of a list or stdin: each is a file argument of its own (relative to the working folder). */
    private List<InputFile> listed(String source, List<String> lines) {
        List<InputFile> files = new ArrayList<>();
        for (String line : lines) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                files.add(file(entry, workingDir.resolve(entry)));
            }
        }
        return files;
    }

    private List<InputFile> folder(String argument, Path folder, boolean recursive) {
        String shownPrefix = argument.endsWith("/") ? argument : argument + "/";
        return TreeWalk.files(folder, recursive ? Integer.MAX_VALUE : 1).stream()
                .filter(InputWalker::isAudio)
                .map(f -> new InputFile(f.toAbsolutePath().normalize(), folder.toAbsolutePath().normalize(),
                        shownPrefix + TreeWalk.slashed(folder.relativize(f))))
                .toList();
    }

    private List<InputFile> glob(String argument) {
        Glob glob = Glob.parse(argument);
        Path base = workingDir.resolve(glob.prefix().isEmpty() ? "." : glob.prefix()).normalize();
        String shownPrefix = glob.prefix().isEmpty() ? "" : glob.prefix().endsWith("/") ? glob.prefix() : glob.prefix() + "/";
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        return TreeWalk.files(base, glob.deep() ? Integer.MAX_VALUE : glob.depth()).stream()
                .filter(f -> glob.matches(TreeWalk.slashed(base.relativize(f))) && isAudio(f))
                .map(f -> new InputFile(f.toAbsolutePath().normalize(), base, shownPrefix + TreeWalk.slashed(base.relativize(f))))
                .toList();
    }

    private static List<String> readList(Path list, String argument) {
        try (InputStream in = Files.newInputStream(list)) {
            return readLines(in, argument);
        } catch (IOException | UncheckedIOException e) {
            throw new SenseVoiceException(ExitCode.USAGE, argument + ": cannot read the list file ("
                    + e.getMessage() + "); give one path per line");
        }
    }

    private static List<String> readLines(InputStream in, String source) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().toList();
        } catch (UncheckedIOException e) {
            throw new SenseVoiceException(ExitCode.USAGE, source + ": cannot read paths (" + e.getMessage() + ")");
        }
    }

    /** First occurrence of each real path wins (it keeps its relative-to folder and shown name). */
    private static List<InputFile> deduplicated(List<InputFile> files) {
        Map<Path, InputFile> byRealPath = new LinkedHashMap<>();
        for (InputFile f : files) {
            byRealPath.putIfAbsent(realPath(f.path()), f);
        }
        return new ArrayList<>(byRealPath.values());
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static List<InputFile> sorted(List<InputFile> files) {
        List<InputFile> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(InputFile::shownAs).thenComparing(f -> f.path().toString()));
        return List.copyOf(sorted);
    }
}
