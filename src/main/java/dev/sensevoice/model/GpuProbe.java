package dev.sensevoice.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Whether an NVIDIA device is present, asked of the driver rather than of ORT (whose provider list
 * says what was compiled in, not what works). Injectable so tests can pretend either way.
 */
@FunctionalInterface
public interface GpuProbe {
    boolean nvidiaDevicePresent();

    /** The driver's view: a GPU entry under /proc/driver/nvidia/gpus, or the /dev/nvidia0 node. */
    static GpuProbe driver() {
        return () -> hasEntries(Path.of("/proc/driver/nvidia/gpus")) || Files.exists(Path.of("/dev/nvidia0"));
    }

    private static boolean hasEntries(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }
}
