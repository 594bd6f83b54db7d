package dev.sensevoice.vad;

import dev.sensevoice.audio.SampleSource;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Cuts a stream of 16 kHz mono audio into speech segments and hands each one on, with its
 * samples, as soon as it is final. Segments come in order, do not overlap, lie within the input
 * and are never longer than {@code max-segment-s}. Memory is bounded by {@code max-segment-s}
 * of samples (plus the energy detector's 3 s look-ahead), not by the input's length. A segment
 * is handed on at most {@code max-segment-s} (plus look-ahead) after its audio was read.
 *
 * <p>Immutable and thread-safe: one segmenter serves any number of inputs at once (with Silero,
 * all share one {@link SileroModel}).
 */
public final class SpeechSegmenter {
    private final SegmenterConfig config;
    private final Supplier<VoiceActivityDetector> detectors;

    /** For {@link VadMode#ENERGY} and {@link VadMode#NONE}, which need no model. */
    public SpeechSegmenter(SegmenterConfig config) {
        this(config, detectorsWithoutModel(config));
    }

    /** For any mode; {@code silero} is needed only for {@link VadMode#SILERO} (null otherwise is fine); the caller closes it. */
    public SpeechSegmenter(SegmenterConfig config, SileroModel silero) {
        this(config, config.mode() == VadMode.SILERO ? sileroStreams(silero) : detectorsWithoutModel(config));
    }

    SpeechSegmenter(SegmenterConfig config, Supplier<VoiceActivityDetector> detectors) {
        this.config = Objects.requireNonNull(config, "config");
        this.detectors = detectors;
    }

    public SegmenterConfig config() {
        return config;
    }

    /**
     * Reads {@code source} to its end (without closing it), handing each segment to {@code sink}
     * on the calling thread as soon as it is closed.
     */
    public SegmentationResult segment(SampleSource source, Consumer<SegmentAudio> sink) throws IOException {
        try (VoiceActivityDetector detector = detectors.get()) {
            return new SegmentationRun(config, detector, sink).readAll(source);
        }
    }

    private static Supplier<VoiceActivityDetector> sileroStreams(SileroModel silero) {
        Objects.requireNonNull(silero, "vad silero needs a SileroModel");
        return () -> new SileroVad(silero);
    }

    private static Supplier<VoiceActivityDetector> detectorsWithoutModel(SegmenterConfig config) {
        if (config.mode() == VadMode.SILERO) {
            throw new IllegalArgumentException("vad silero needs a SileroModel");
        }
        return EnergyVad::new;
    }
}
