package dev.sensevoice.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one way into the audio package: opens any input as a stream of 16 kHz mono samples.
 * The format comes from the file's first bytes, not its name: WAV and FLAC are decoded in Java;
 * everything else (and WAV encodings such as ADPCM or μ-law) goes through ffmpeg when it is
 * installed. Thread-safe: one decoder serves every decode worker.
 */
public final class AudioDecoder {
    private static final int MIN_RATE = 1_000;
    private static final int MAX_RATE = 768_000;
    private static final int MAX_CHANNELS = 256;
    private static final Set<String> MEDIA_EXTENSIONS = Set.of("mp3", "ogg", "oga", "opus", "m4a",
            "mp4", "aac", "webm", "mkv", "mka", "wma", "aiff", "aif", "amr", "ac3", "mov", "avi",
            "wv", "ape", "caf", "3gp", "spx", "au");

    private final FfmpegLocator ffmpegLocator;
    private volatile Optional<Path> ffmpeg;

    public AudioDecoder(FfmpegLocator ffmpegLocator) {
        this.ffmpegLocator = ffmpegLocator;
    }

    /** A decoder that uses the ffmpeg found on {@code PATH}, if any. */
    public static AudioDecoder withFfmpegOnPath() {
        return new AudioDecoder(FfmpegLocator.onPath());
    }

    /**
     * Opens an input for streaming. The caller closes the source.
     *
     * @throws AudioException with a one-line message naming the file and the reason
     */
    public SampleSource open(Path input) throws AudioException {
        InputStream in = openStream(input);
        try {
            return openSniffed(input, in);
        } catch (IOException | RuntimeException e) {
            closeQuietly(in);
            throw e instanceof AudioException audio ? audio
                    : new AudioException(input, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Duration, rate and channels from the header; fields are null when unknown. Never fails. */
    public AudioInfo probe(Path input) {
        try {
            return HeaderProbe.probe(input);
        } catch (Exception | LinkageError | StackOverflowError e) {
            return AudioInfo.unknown();
        }
    }

    /** Whether this decoder can read formats other than WAV and FLAC. */
    public boolean hasFfmpeg() {
        return ffmpeg().isPresent();
    }

    private SampleSource openSniffed(Path input, InputStream in) throws IOException {
        in.mark(InputFormat.HEAD_BYTES);
        byte[] head = in.readNBytes(InputFormat.HEAD_BYTES);
        in.reset();
        InputFormat format = InputFormat.sniff(head, head.length);
        return switch (format) {
            case EMPTY -> throw new AudioException(input, "empty file (0 bytes)");
            case WAV -> openWav(input, in);
            case FLAC -> new ResampledSource(checked(input, FlacReader.open(in, input)));
            case OTHER_MEDIA, UNKNOWN -> {
                in.close();
                yield viaFfmpeg(input, format);
            }
        };
    }

    private SampleSource openWav(Path input, InputStream in) throws IOException {
        WavFormat format = WavHeaderReader.read(in, input);
        if (format.encoding() != null) {
            return new ResampledSource(checked(input, new WavReader(in, input, format)));
        }
        in.close();
        Path executable = ffmpeg().orElseThrow(() -> new AudioException(input,
                "unsupported WAV encoding " + format.encodingName() + "; install ffmpeg to read it"));
        return FfmpegSource.start(executable, input);
    }

    private SampleSource viaFfmpeg(Path input, InputFormat format) throws IOException {
        Optional<Path> executable = ffmpeg();
        if (executable.isEmpty()) {
            throw new AudioException(input, missingFfmpegReason(input, format));
        }
        try {
            return FfmpegSource.start(executable.get(), input);
        } catch (AudioException e) {
            // No known signature and ffmpeg cannot read it either: most likely not audio at all.
            throw format == InputFormat.UNKNOWN
                    ? new AudioException(input, "not an audio file (" + e.reason() + ")", e) : e;
        }
    }

    private static String missingFfmpegReason(Path input, InputFormat format) {
        String extension = extension(input);
        if (format == InputFormat.OTHER_MEDIA || MEDIA_EXTENSIONS.contains(extension)) {
            return extension.isEmpty() ? "install ffmpeg to read this format"
                    : "install ffmpeg to read ." + extension + " files";
        }
        return "not an audio file (not WAV or FLAC; install ffmpeg to try other formats)";
    }

    private static FrameReader checked(Path input, FrameReader reader) throws IOException {
        String problem = null;
        if (reader.sampleRate() < MIN_RATE || reader.sampleRate() > MAX_RATE) {
            problem = "unsupported sample rate " + reader.sampleRate() + " Hz";
        } else if (reader.channels() > MAX_CHANNELS) {
            problem = "unsupported channel count " + reader.channels();
        }
        if (problem != null) {
            reader.close();
            throw new AudioException(input, problem);
        }
        return reader;
    }

    private static InputStream openStream(Path input) throws AudioException {
        if (Files.isDirectory(input)) {
            throw new AudioException(input, "is a directory, not an audio file");
        }
        try {
            return new BufferedInputStream(Files.newInputStream(input), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new AudioException(input, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new AudioException(input, "permission denied (cannot read the file)", e);
        } catch (IOException e) {
            throw new AudioException(input, "cannot read: " + e.getMessage(), e);
        }
    }

    private Optional<Path> ffmpeg() {
        Optional<Path> found = ffmpeg;
        if (found == null) {
            found = ffmpegLocator.find();
            ffmpeg = found;
        }
        return found;
    }

    private static String extension(Path input) {
        Path name = input.getFileName();
        String text = name == null ? "" : name.toString();
        int dot = text.lastIndexOf('.');
        return dot < 0 ? "" : text.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Already failing with a better message.
        }
    }
}
