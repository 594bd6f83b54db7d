package dev.sensevoice.cli;

import dev.sensevoice.metrics.FileStats;
import dev.sensevoice.metrics.RunStats;
import dev.sensevoice.transcribe.FileOutcome;
import dev.sensevoice.transcribe.FileTranscript;
import dev.sensevoice.transcribe.TranscriptionListener;
import dev.sensevoice.transcribe.TranscriptionSummary;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The one printer of {@code transcribe}. Progress and diagnostics go to stderr: a bar on a terminal
 * (inputs done, audio seconds, RTF, ETA), one line per finished input otherwise, nothing under -q
 * except failures. Transcript text goes to stdout only with --stdout.
 */
final class ConsoleReporter implements TranscriptionListener {
    /** --progress after "auto" was resolved (and -q applied). */
    enum Mode { BAR, PLAIN, NONE }

    private final PrintWriter out;
    private final PrintWriter err;
    private final Mode mode;
    private final boolean printText;
    private ProgressBar bar;
    private double audioDone;
    private long startNanos = System.nanoTime();

    ConsoleReporter(PrintWriter out, PrintWriter err, Mode mode, boolean printText) {
        this.out = out;
        this.err = err;
        this.mode = mode;
        this.printText = printText;
    }

    @Override
    public synchronized void runStarted(int inputs) {
        startNanos = System.nanoTime();
        if (mode == Mode.BAR) {
            bar = new ProgressBarBuilder().setTaskName("transcribe").setInitialMax(inputs).setUnit(" inputs", 1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                    .setConsumer(new DelegatingProgressBarConsumer(this::redraw, 100)).build();
        }
    }

    @Override
    public synchronized void audioRecognized(dev.sensevoice.transcribe.InputFile input, double seconds) {
        audioDone += seconds;
        if (bar != null) {
            bar.setExtraMessage(String.format(Locale.ROOT, " %s speech, RTF %s", duration(audioDone),
                    rtf(elapsedS(), audioDone)));
        }
    }

    @Override
    public synchronized void fileFinished(FileTranscript transcript) {
        if (printText) {
            out.println(transcript.text());
            out.flush();
        }
        FileStats s = transcript.stats();
        line(String.format(Locale.ROOT, "ok      %s  (%s audio in %s, RTF %s, %d segment%s%s)",
                transcript.input().shownAs(), duration(transcript.durationS()),
                s.latencyMs() == null ? "-" : duration(s.latencyMs() / 1000.0),
                s.rtf() == null ? "-" : String.format(Locale.ROOT, "%.3f", s.rtf()), transcript.segments().size(),
                transcript.segments().size() == 1 ? "" : "s", transcript.language().isEmpty() ? "" : ", " + transcript.language()));
        step();
    }

    @Override
    public synchronized void fileFailed(FileOutcome outcome) {
        clearBar();
        err.println("sensevoice: " + outcome.error());
        err.flush();
        step();
    }

    @Override
    public synchronized void fileSkipped(FileOutcome outcome) {
        line("skipped " + outcome.input().shownAs() + "  (outputs up to date)");
        step();
    }

    /** Called from the signal thread: the first signal's announcement, printed even under -q. */
    synchronized void stopping() {
        clearBar();
        err.println("sensevoice: stopping: inputs in flight will finish; signal again to abandon them");
        err.flush();
    }

    /** The closing line (not under -q) after the bar is closed. */
    synchronized void finish(TranscriptionSummary summary) {
        if (bar != null) {
            bar.close();
            bar = null;
            err.println();
        }
        summary.stoppedBy().ifPresent(why -> err.println("sensevoice: the run stopped: " + why));
        if (mode != Mode.NONE) {
            RunStats r = summary.run();
            err.printf(Locale.ROOT, "%d inputs: %d ok, %d failed, %d skipped; %s audio in %s (RTF %s)%s%n",
                    r.inputs(), r.ok(), r.failed(), r.skipped(), duration(r.audioS()), duration(r.wallMs() / 1000.0),
                    r.rtf() == null ? "-" : String.format(Locale.ROOT, "%.3f", r.rtf()),
                    summary.interrupted().isPresent() ? "; interrupted: unfinished inputs count as failed" : "");
        }
        err.flush();
        out.flush();
    }

    private void line(String text) {
        if (mode == Mode.PLAIN) {
            err.println(text);
            err.flush();
        }
    }

    private void step() {
        if (bar != null) {
            bar.step();
        }
    }

    private void redraw(String rendered) {
        synchronized (err) {
            err.print('\r' + rendered);
            err.flush();
        }
    }

    private void clearBar() {
        if (bar != null) {
            err.print("\r\033[K");
        }
    }

    private double elapsedS() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String rtf(double seconds, double audioS) {
        return audioS > 0 ? String.format(Locale.ROOT, "%.3f", seconds / audioS) : "-";
    }

    /** 42.3 s, 12m05s, 3h02m. */
    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return s < 3600 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
                : String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
    }
}
