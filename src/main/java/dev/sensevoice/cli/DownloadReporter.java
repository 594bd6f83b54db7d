package dev.sensevoice.cli;

import dev.sensevoice.cache.DownloadListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalLong;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Download progress on stderr: a bar on a terminal; otherwise a line at the start, at every tenth
 * of the file (or every 100 MB when its size is unknown) and at the end, which reads well in logs.
 */
final class DownloadReporter implements DownloadListener {
    private static final long MB = 1_000_000;
    private static final long STEP_UNKNOWN = 100 * MB;
    private final PrintWriter err;
    private final boolean bar;
    private ProgressBar progress;
    private long total = -1;
    private long nextLine;

    DownloadReporter(PrintWriter err, boolean terminal) {
        this.err = err;
        this.bar = terminal;
    }

    @Override
    public synchronized void started(String file, long offset, OptionalLong size) {
        total = size.isPresent() ? size.getAsLong() : -1;
        nextLine = offset + step();
        if (bar) {
            progress = new ProgressBarBuilder().setTaskName(file).setInitialMax(total).setUnit(" MB", MB)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).startsFrom(offset, java.time.Duration.ZERO)
                    .setConsumer(new DelegatingProgressBarConsumer(this::redraw, 100)).build();
        } else {
            line(file + ": " + (offset > 0 ? "resuming at " + mb(offset) : "downloading")
                    + (total > 0 ? " of " + mb(total) : ""));
        }
    }

    @Override
    public synchronized void progressed(String file, long bytes) {
        if (progress != null) {
            progress.stepTo(bytes);
        } else if (!bar && bytes >= nextLine) {
            nextLine = bytes + step();
            line(file + ": " + mb(bytes) + (total > 0 ? String.format(Locale.ROOT, " of %s (%d%%)", mb(total),
                    bytes * 100 / total) : ""));
        }
    }

    @Override
    public synchronized void finished(String file, long bytes) {
        closeBar();
        line(file + ": " + mb(bytes) + " downloaded");
    }

    @Override
    public synchronized void notice(String text) {
        closeBar();
        line(text);
    }

    private long step() {
        return total > 0 ? Math.max(1, total / 10) : STEP_UNKNOWN;
    }

    private void closeBar() {
        if (progress != null) {
            progress.close();
            progress = null;
            err.print("\r\033[K");
        }
    }

    private void redraw(String rendered) {
        err.print('\r' + rendered);
        err.flush();
    }

    private void line(String text) {
        err.println("sensevoice: " + text);
        err.flush();
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (double) MB);
    }
}
