package dev.sensevoice.vad;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds test audio from stretches of quiet noise and louder "speech-like" bursts (a tone with a
 * syllable-rate envelope over noise), remembering where each burst truly starts and ends.
 */
final class SyntheticAudio {
    static final int RATE = SpeechSegment.SAMPLE_RATE;
    private final Random random = new Random(7);
    private final List<float[]> parts = new ArrayList<>();
    private final List<long[]> bursts = new ArrayList<>();
    private long length;
    private double noise = 0.001;

    /** Background noise level (standard deviation) of the stretches added from now on. */
    SyntheticAudio noise(double deviation) {
        noise = deviation;
        return this;
    }

    SyntheticAudio silence(double seconds) {
        float[] part = new float[samples(seconds)];
        for (int i = 0; i < part.length; i++) {
            part[i] = (float) (random.nextGaussian() * noise);
        }
        return add(part);
    }

    SyntheticAudio burst(double seconds) {
        float[] part = new float[samples(seconds)];
        for (int i = 0; i < part.length; i++) {
            double t = i / (double) RATE;
            double envelope = 0.6 + 0.4 * Math.sin(2 * Math.PI * 4 * t);
            part[i] = (float) (envelope * (0.2 * Math.sin(2 * Math.PI * 220 * t) + random.nextGaussian() * Math.max(noise, 0.05)));
        }
        bursts.add(new long[] {length, length + part.length});
        return add(part);
    }

    float[] samples() {
        float[] all = new float[(int) length];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** True [start, end) of each burst, in samples. */
    List<long[]> bursts() {
        return bursts;
    }

    private SyntheticAudio add(float[] part) {
        parts.add(part);
        length += part.length;
        return this;
    }

    static int samples(double seconds) {
        return (int) Math.round(seconds * RATE);
    }
}
