package dev.sensevoice.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.frame.Frame;
import org.jflac.metadata.StreamInfo;

/** Streams a FLAC file frame by frame with jflac; only the current frame is held in memory. */
final class FlacReader implements FrameReader {
    private final InputStream in;
    private final Path file;
    private final FLACDecoder decoder;
    private final StreamInfo info;
    private final float scale;
    private int frameLength;
    private int framePosition;

    private FlacReader(InputStream in, Path file, FLACDecoder decoder, StreamInfo info) {
        this.in = in;
        this.file = file;
        this.decoder = decoder;
        this.info = info;
        this.scale = 1f / (1L << (info.getBitsPerSample() - 1));
    }

    /** Reads the metadata blocks; the stream is then at the first audio frame. */
    static FlacReader open(InputStream in, Path file) throws IOException {
        FLACDecoder decoder = new FLACDecoder(in);
        StreamInfo info = streamInfo(decoder, file);
        if (info.getChannels() <= 0) {
            throw new AudioException(file, "FLAC header declares zero channels");
        }
        if (info.getSampleRate() <= 0) {
            throw new AudioException(file, "FLAC header declares sample rate " + info.getSampleRate());
        }
        return new FlacReader(in, file, decoder, info);
    }

    /** The STREAMINFO block, or null when the header cannot be read. */
    static StreamInfo streamInfo(FLACDecoder decoder, Path file) throws IOException {
        try {
            decoder.readMetadata();
        } catch (IOException | RuntimeException e) {
            throw new AudioException(file, "truncated or malformed FLAC header", e);
        }
        StreamInfo info = decoder.getStreamInfo();
        if (info == null) {
            throw new AudioException(file, "truncated FLAC header (no STREAMINFO block)");
        }
        return info;
    }

    @Override
    public int sampleRate() {
        return info.getSampleRate();
    }

    @Override
    public int channels() {
        return info.getChannels();
    }

    @Override
    public int read(float[] interleaved, int maxFrames) throws IOException {
        if (framePosition == frameLength && !nextFrame()) {
            return -1;
        }
        int frames = Math.min(maxFrames, frameLength - framePosition);
        ChannelData[] data = decoder.getChannelData();
        int channels = channels();
        for (int c = 0; c < channels; c++) {
            int[] samples = data[c].getOutput();
            for (int i = 0; i < frames; i++) {
                interleaved[i * channels + c] = samples[framePosition + i] * scale;
            }
        }
        framePosition += frames;
        return frames;
    }

    private boolean nextFrame() throws IOException {
        Frame frame;
        try {
            frame = decoder.readNextFrame();
        } catch (RuntimeException e) {
            // jflac reports some corrupt streams with unchecked exceptions.
            throw new AudioException(file, "corrupt FLAC frame after sample " + decoder.getSamplesDecoded(), e);
        }
        if (frame == null) {
            checkComplete();
            return false;
        }
        frameLength = frame.header.blockSize;
        framePosition = 0;
        return frameLength > 0 || nextFrame();
    }

    /** STREAMINFO's total (0 = unknown) against what was decoded: a cut file fails, as a cut WAV does. */
    private void checkComplete() throws AudioException {
        long total = info.getTotalSamples();
        double missingS = (double) (total - decoder.getSamplesDecoded()) / info.getSampleRate();
        if (total > 0 && missingS > Truncation.TOLERANCE_S) {
            throw Truncation.failure(file, (double) total / info.getSampleRate(),
                    (double) decoder.getSamplesDecoded() / info.getSampleRate());
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
