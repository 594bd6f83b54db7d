package dev.sensevoice.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's name, read without a DNS lookup; tells our own temporary files from another host's. */
final class HostName {
    private HostName() {
    }

    static String get() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            String name = System.getenv("HOSTNAME");
            return name != null ? name : System.getenv().getOrDefault("COMPUTERNAME", "localhost");
        }
    }
}
