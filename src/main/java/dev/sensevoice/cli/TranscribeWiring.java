package dev.sensevoice.cli;

import dev.sensevoice.cache.ModelStore;
import dev.sensevoice.metrics.MemoryProbe;
import dev.sensevoice.transcribe.Cancellation;
import dev.sensevoice.transcribe.StageFactory;
import dev.sensevoice.transcribe.TranscriptionSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code transcribe} needs from outside itself: the stages, the stats writer, probes, and the
 * process's environment. {@link DefaultTranscribeWiring} is the real one;
 * tests pass fakes.
 */
interface TranscribeWiring {
    StageFactory stages();

    /** --stats FILE: CSV or JSON by extension (design Part 2). */
    void writeStats(Path file, TranscriptionSummary summary) throws IOException;

    MemoryProbe rss();

    /** GPU memory of this process for {@code device} (auto, cpu, cuda[:N]). */
    MemoryProbe vram(String device);

    Map<String, String> environment();

    /** Where models are (cache root and manifests from {@link #environment()}). */
    default ModelStore models() {
        return ModelStore.fromEnvironment(environment());
    }

    Path workingDir();

    InputStream stdin();

    /** True when stderr is a terminal (progress bar under --progress auto). */
    boolean stderrIsTerminal();

    /** Routes SIGINT/SIGTERM to the run while it lasts; closing restores the previous handlers. */
    AutoCloseable trapSignals(Cancellation cancellation, Runnable onFirstSignal);
}
