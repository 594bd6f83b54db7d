package dev.sensevoice.audio;

import be.tarsos.dsp.resample.Resampler;
import java.io.IOException;
import java.util.Arrays;

/**
 * Turns native-rate frames into 16 kHz mono, one block at a time: channels are averaged, then
 * TarsosDSP's resampler converts the rate. Input already at 16 kHz passes through unchanged.
 * The output has exactly {@code round(frames × 16000 / rate)} samples: the resampler's tail is
 * flushed at the end and trimmed or zero-padded by at most a sample or two.
 */
final class ResampledSource implements SampleSource {
    /** Interleaved samples decoded per block: small enough to keep memory flat. */
    static final int BLOCK_SAMPLES = 16_384;

    private final FrameReader reader;
    private final int channels;
    private final double factor;
    private final Resampler resampler;
    private final float[] interleaved;
    private final float[] mono;
    private float[] pending;
    private int pendingPosition;
    private int pendingLength;
    private long inputFrames;
    private long outputSamples;
    private boolean ended;

    ResampledSource(FrameReader reader) {
        this.reader = reader;
        this.channels = reader.channels();
        this.factor = (double) SAMPLE_RATE / reader.sampleRate();
        this.resampler = reader.sampleRate() == SAMPLE_RATE ? null : new Resampler(true, factor, factor);
        int blockFrames = Math.max(64, BLOCK_SAMPLES / channels);
        this.interleaved = new float[blockFrames * channels];
        this.mono = new float[blockFrames];
        this.pending = new float[(int) Math.ceil(blockFrames * Math.max(factor, 1)) + 4096];
    }

    @Override
    public int read(float[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (pendingPosition == pendingLength) {
            if (ended) {
                return -1;
            }
            fill();
        }
        int n = Math.min(length, pendingLength - pendingPosition);
        System.arraycopy(pending, pendingPosition, buffer, offset, n);
        pendingPosition += n;
        return n;
    }

    private void fill() throws IOException {
        pendingPosition = 0;
        pendingLength = 0;
        int frames = reader.read(interleaved, mono.length);
        if (frames < 0) {
            finish();
            return;
        }
        downmix(frames);
        inputFrames += frames;
        if (resampler == null) {
            System.arraycopy(mono, 0, pending, 0, frames);
            pendingLength = frames;
        } else {
            resample(frames, false);
        }
        outputSamples += pendingLength;
    }

    private void downmix(int frames) {
        if (channels == 1) {
            System.arraycopy(interleaved, 0, mono, 0, frames);
            return;
        }
        for (int f = 0; f < frames; f++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += interleaved[f * channels + c];
            }
            mono[f] = sum / channels;
        }
    }

    private void resample(int length, boolean lastBatch) {
        int consumed = 0;
        while (true) {
            Resampler.Result result = resampler.process(factor, mono, consumed, length - consumed,
                    lastBatch, pending, pendingLength, pending.length - pendingLength);
            consumed += result.inputSamplesConsumed;
            pendingLength += result.outputSamplesGenerated;
            boolean progressed = result.inputSamplesConsumed > 0 || result.outputSamplesGenerated > 0;
            boolean done = consumed == length && (!lastBatch || result.outputSamplesGenerated == 0);
            if (done || !progressed) {
                return;
            }
            if (pendingLength == pending.length) {
                pending = Arrays.copyOf(pending, pending.length * 2);
            }
        }
    }

    /** Flushes the resampler's tail and trims or zero-pads it to the exact total length. */
    private void finish() {
        ended = true;
        if (resampler != null) {
            resample(0, true);
        }
        long target = Math.round(inputFrames * factor);
        int length = (int) Math.max(0, target - outputSamples);
        if (length > pending.length) {
            pending = Arrays.copyOf(pending, length);
        }
        if (length > pendingLength) {
            Arrays.fill(pending, pendingLength, length, 0f);
        }
        pendingLength = length;
        outputSamples += length;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
