package dev.sensevoice.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * VRAM of one process through {@code nvidia-smi --query-compute-apps=pid,used_memory}. NVML would be
 * cheaper but needs native bindings; sampling every second or so, a process start is affordable.
 * When nvidia-smi is absent or fails once, the probe stays silent ({@code null}) from then on.
 */
final class NvidiaSmiVramProbe implements VramProbe {
    private static final List<String> COMMAND = List.of("nvidia-smi",
            "--query-compute-apps=pid,used_memory", "--format=csv,noheader,nounits");
    private final long pid;
    private volatile boolean broken;

    NvidiaSmiVramProbe(long pid) {
        this.pid = pid;
    }

    @Override
    public Long usedMb() {
        if (broken) {
            return null;
        }
        String out = run();
        if (out == null) {
            broken = true;
            return null;
        }
        return parse(out, pid);
    }

    /** Sums the lines of {@code pid} ("1234, 1412"); {@code null} when the process holds no GPU memory. */
    static Long parse(String csv, long pid) {
        long total = 0;
        boolean found = false;
        for (String line : csv.split("\\R")) {
            String[] fields = line.split(",");
            if (fields.length == 2 && fields[0].strip().equals(Long.toString(pid))) {
                try {
                    total += Long.parseLong(fields[1].strip());
                    found = true;
                } catch (NumberFormatException e) {
                    // "[N/A]" on some drivers
                }
            }
        }
        return found ? total : null;
    }

    private String run() {
        try {
            Process p = new ProcessBuilder(COMMAND).redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                boolean exited = p.waitFor(5, TimeUnit.SECONDS);
                return exited && p.exitValue() == 0 ? out : null;
            } finally {
                p.destroy();
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
