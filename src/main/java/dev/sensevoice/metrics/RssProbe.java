package dev.sensevoice.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's resident memory (VmRSS of /proc/self/status); {@code null} off Linux. */
public final class RssProbe implements MemoryProbe {
    private final Path status;

    public RssProbe() {
        this(Path.of("/proc/self/status"));
    }

    RssProbe(Path status) {
        this.status = status;
    }

    @Override
    public Long usedMb() {
        return field("VmRSS:");
    }

    /** The kernel's own peak (VmHWM) since the process started. */
    public Long peakMb() {
        return field("VmHWM:");
    }

    private Long field(String name) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                if (line.startsWith(name)) {
                    return kilobytesToMb(line.substring(name.length()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc unreadable: not measurable
        }
        return null;
    }

    /** "   123456 kB" to MiB, rounded up. */
    static Long kilobytesToMb(String value) {
        String digits = value.strip().split("\\s+")[0];
        long kb = Long.parseLong(digits);
        return (kb + 1023) / 1024;
    }
}
