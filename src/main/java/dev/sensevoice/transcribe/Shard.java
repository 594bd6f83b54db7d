package dev.sensevoice.transcribe;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * --shard I/N: keeps the inputs whose stable hash of their relative path, mod N, is I (0-based).
 * The hash is CRC32 of the UTF-8 bytes of the path relative to the argument it came from, with '/'
 * separators: the same on every machine and JVM (unlike {@code String.hashCode}, which is not a
 * contract), so N jobs given the same arguments split them into N disjoint parts that cover all.
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new SenseVoiceException(ExitCode.USAGE,
                    "--shard " + index + "/" + count + ": need 0 <= I < N (I is 0-based)");
        }
    }

    /**
     * Parses "I/N" or "auto/N"; auto takes I from JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or
     * SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN (Slurm array).
     */
    public static Shard parse(String spec, Map<String, String> env) {
        String[] parts = spec.split("/", -1);
        if (parts.length != 2) {
            throw usage(spec, "expected I/N or auto/N, e.g. 0/4");
        }
        int count = number(spec, parts[1]);
        int index = parts[0].equals("auto") ? autoIndex(spec, env) : number(spec, parts[0]);
        return new Shard(index, count);
    }

    public boolean keeps(InputFile input) {
        return hash(relativePath(input)) % count == index;
    }

    public List<InputFile> apply(List<InputFile> inputs) {
        return inputs.stream().filter(this::keeps).toList();
    }

    /** CRC32 of the UTF-8 bytes: a documented, stable hash. */
    public static long hash(String relativePath) {
        CRC32 crc = new CRC32();
        crc.update(relativePath.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /** The path under its folder or glob prefix; a file named directly is its name only. */
    static String relativePath(InputFile input) {
        Path relative = input.path().getFileName();
        if (input.relativeTo() != null) {
            try {
                relative = input.relativeTo().relativize(input.path());
            } catch (IllegalArgumentException e) {
                // another root: keep the name
            }
        }
        return TreeWalk.slashed(relative);
    }

    private static int autoIndex(String spec, Map<String, String> env) {
        String job = env.get("JOB_COMPLETION_INDEX");
        if (job != null) {
            return number(spec, job.strip());
        }
        String task = env.get("SLURM_ARRAY_TASK_ID");
        if (task != null) {
            String min = env.getOrDefault("SLURM_ARRAY_TASK_MIN", "0");
            return number(spec, task.strip()) - number(spec, min.strip());
        }
        throw usage(spec, "auto needs JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID in the environment");
    }

    private static int number(String spec, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw usage(spec, "'" + text + "' is not a whole number");
        }
    }

    private static SenseVoiceException usage(String spec, String why) {
        return new SenseVoiceException(ExitCode.USAGE, "--shard " + spec + ": " + why);
    }
}
