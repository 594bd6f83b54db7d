package dev.sensevoice.cli;

import dev.sensevoice.metrics.FileStats;
import dev.sensevoice.metrics.MemoryProbe;
import dev.sensevoice.metrics.RssProbe;
import dev.sensevoice.metrics.VramProbe;
import dev.sensevoice.output.StatsFile;
import dev.sensevoice.output.StatsRow;
import dev.sensevoice.transcribe.Cancellation;
import dev.sensevoice.transcribe.FileOutcome;
import dev.sensevoice.transcribe.SenseVoiceStages;
import dev.sensevoice.transcribe.StageFactory;
import dev.sensevoice.transcribe.TranscriptionSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The process's wiring: the real stages, {@code output.StatsFile}, /proc and nvidia-smi probes. */
final class DefaultTranscribeWiring implements TranscribeWiring {
    @Override
    public StageFactory stages() {
        return new SenseVoiceStages(warning -> System.err.println("sensevoice: warning: " + warning), models());
    }

    @Override
    public void writeStats(Path file, TranscriptionSummary summary) {
        List<StatsRow> rows = summary.files().stream().map(DefaultTranscribeWiring::row).toList();
        new StatsFile(file).write(rows, Duration.ofMillis(summary.run().wallMs()));
    }

    static StatsRow row(FileOutcome o) {
        FileStats s = o.stats();
        String file = o.input().shownAs();
        return switch (o.status()) {
            case OK -> new StatsRow(file, StatsRow.Status.OK, null, s == null ? null : s.audioS(),
                    s == null ? null : s.latencyMs(), s == null ? null : s.rtf(), o.segments(), o.language(),
                    s == null ? null : s.vramPeakMb(), s == null ? null : s.rssPeakMb());
            case FAILED -> StatsRow.failed(file, o.error());
            case SKIPPED -> StatsRow.skipped(file);
        };
    }

    @Override
    public MemoryProbe rss() {
        return new RssProbe();
    }

    @Override
    public MemoryProbe vram(String device) {
        return device.equals("cpu") ? VramProbe.NONE : VramProbe.nvidiaSmi();
    }

    @Override
    public Map<String, String> environment() {
        return System.getenv();
    }

    @Override
    public Path workingDir() {
        return Path.of("").toAbsolutePath();
    }

    @Override
    public InputStream stdin() {
        return System.in;
    }

    /** On Linux, fd 2 links to /dev/pts/N or /dev/ttyN on a terminal; elsewhere ask for a console. */
    @Override
    public boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    @Override
    public AutoCloseable trapSignals(Cancellation cancellation, Runnable onFirstSignal) {
        return SignalTrap.install(cancellation, onFirstSignal);
    }
}
