package dev.sensevoice.cache;

import java.nio.file.Path;
import java.util.Map;

/**
 * The cache root (design Part 2): {@code SENSEVOICE_CACHE_DIR}, else {@code $XDG_CACHE_HOME/sensevoice},
 * else {@code ~/.cache/sensevoice}. Models live in {@code models/}, snapshots in {@code snapshots/}.
 */
public final class CacheRoot {
    private CacheRoot() {
    }

    public static Path resolve(Map<String, String> env) {
        String explicit = env.get("SENSEVOICE_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "sensevoice");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "sensevoice");
    }
}
