package dev.sensevoice.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Streams the samples of a WAV data chunk. A data chunk more than {@link Truncation#TOLERANCE_S}
 * shorter than its header claims (a cut download or copy) fails when its end is reached: a batch
 * run must not report a damaged input as done. A streamed WAV (size unknown) reads to the end.
 */
final class WavReader implements FrameReader {
    private final InputStream in;
    private final Path file;
    private final WavFormat format;
    private final SampleEncoding encoding;
    private long remainingBytes;
    private byte[] bytes = new byte[0];

    /** {@code in} must be positioned at the first data byte; {@code format.encoding()} non-null. */
    WavReader(InputStream in, Path file, WavFormat format) {
        this.in = in;
        this.file = file;
        this.format = format;
        this.encoding = format.encoding();
        this.remainingBytes = format.dataBytes() < 0 ? Long.MAX_VALUE : format.dataBytes();
    }

    @Override
    public int sampleRate() {
        return format.sampleRate();
    }

    @Override
    public int channels() {
        return format.channels();
    }

    @Override
    public int read(float[] interleaved, int maxFrames) throws IOException {
        int frameBytes = format.frameBytes();
        long wanted = Math.min((long) maxFrames * frameBytes, remainingBytes / frameBytes * frameBytes);
        if (wanted == 0) {
            return -1;
        }
        if (bytes.length < wanted) {
            bytes = new byte[(int) wanted];
        }
        int got = in.readNBytes(bytes, 0, (int) wanted);
        int frames = got / frameBytes;
        if (got < wanted && format.dataBytes() >= 0) {
            checkComplete(remainingBytes - got);
        }
        remainingBytes = frames == 0 ? 0 : remainingBytes - got;
        convert(frames, interleaved);
        return frames == 0 ? -1 : frames;
    }

    private void checkComplete(long missingBytes) throws AudioException {
        double missingS = (double) missingBytes / format.frameBytes() / format.sampleRate();
        if (missingS > Truncation.TOLERANCE_S) {
            throw Truncation.failure(file, format.durationSeconds(), format.durationSeconds() - missingS);
        }
    }

    private void convert(int frames, float[] interleaved) {
        int channels = format.channels();
        int sampleBytes = format.frameBytes() / channels;
        for (int i = 0; i < frames * channels; i++) {
            interleaved[i] = encoding.decode(bytes, i * sampleBytes);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
