package dev.sensevoice.transcribe;

import dev.sensevoice.audio.SampleSource;
import java.io.IOException;
import java.nio.file.Path;

/** Decode stage: opens an input as a stream of 16 kHz mono samples. */
@FunctionalInterface
public interface AudioOpener {
    SampleSource open(Path file) throws IOException;
}
