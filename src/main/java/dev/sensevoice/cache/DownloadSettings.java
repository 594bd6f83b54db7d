package dev.sensevoice.cache;

import java.time.Duration;
import java.util.Map;

/**
 * How patient a download is.
 *
 * @param connectTimeout longest wait for a connection
 * @param stallTimeout   longest wait for response headers or for the next bytes of the body; a
 *                       server that stays silent this long fails the download
 * @param attempts       tries per file; a try that ends early resumes where the last one stopped
 */
public record DownloadSettings(Duration connectTimeout, Duration stallTimeout, int attempts) {
    public static final String TIMEOUT_VARIABLE = "SENSEVOICE_DOWNLOAD_TIMEOUT_S";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public DownloadSettings {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("download timeouts must be positive");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("download attempts (" + attempts + ") must be at least 1");
        }
    }

    public static DownloadSettings defaults() {
        return new DownloadSettings(DEFAULT_TIMEOUT, DEFAULT_TIMEOUT, 3);
    }

    /** The defaults, with both timeouts from {@value #TIMEOUT_VARIABLE} (seconds) when set. */
    public static DownloadSettings fromEnvironment(Map<String, String> env) {
        String seconds = env.get(TIMEOUT_VARIABLE);
        if (seconds == null || seconds.isBlank()) {
            return defaults();
        }
        try {
            return defaults().withTimeout(Duration.ofMillis(Math.round(Double.parseDouble(seconds.strip()) * 1000)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TIMEOUT_VARIABLE + " (" + seconds + ") must be a number of seconds");
        }
    }

    public DownloadSettings withTimeout(Duration timeout) {
        return new DownloadSettings(timeout, timeout, attempts);
    }

    public DownloadSettings withAttempts(int n) {
        return new DownloadSettings(connectTimeout, stallTimeout, n);
    }
}
