package dev.sensevoice.transcribe;

import dev.sensevoice.audio.SampleSource;
import java.io.IOException;

/** Wraps an input's audio to count samples (the duration) and time spent decoding (decode_ms). */
final class TimedSource implements SampleSource {
    private final SampleSource source;
    private long samples;
    private long readNanos;

    TimedSource(SampleSource source) {
        this.source = source;
    }

    @Override
    public int read(float[] buffer, int offset, int length) throws IOException {
        long t0 = System.nanoTime();
        int n = source.read(buffer, offset, length);
        readNanos += System.nanoTime() - t0;
        if (n > 0) {
            samples += n;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    long samples() {
        return samples;
    }

    long readNanos() {
        return readNanos;
    }
}
