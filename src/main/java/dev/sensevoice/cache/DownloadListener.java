package dev.sensevoice.cache;

import java.util.OptionalLong;

/** What a download tells its caller while it runs; the command line turns it into a bar or lines. */
public interface DownloadListener {
    DownloadListener NONE = new DownloadListener() {
    };

    /** A fetch begins (or resumes at {@code offset} bytes); {@code total} when the server says. */
    default void started(String file, long offset, OptionalLong total) {
    }

    /** {@code bytes} of the file are on disk now. */
    default void progressed(String file, long bytes) {
    }

    /** The file is complete. */
    default void finished(String file, long bytes) {
    }

    /** Anything else worth one line: a retry, unpacking, waiting for another process. */
    default void notice(String line) {
    }
}
