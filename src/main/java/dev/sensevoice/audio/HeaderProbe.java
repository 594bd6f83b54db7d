package dev.sensevoice.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.AudioHeader;
import org.jaudiotagger.audio.exceptions.CannotReadException;
import org.jflac.FLACDecoder;
import org.jflac.metadata.StreamInfo;

/**
 * Reads duration, rate and channels from an input's header without decoding it: our own parsers
 * for WAV and FLAC (exact sample counts), jaudiotagger for the rest.
 */
final class HeaderProbe {
    /** Held strongly: java.util.logging forgets the level of a logger that is collected. */
    private static final Logger JAUDIOTAGGER_LOG = Logger.getLogger("org.jaudiotagger");

    static {
        JAUDIOTAGGER_LOG.setLevel(Level.OFF);
    }

    private HeaderProbe() {
    }

    /** Throws on any problem; the caller turns that into "unknown". */
    static AudioInfo probe(Path file) throws Exception {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.mark(InputFormat.HEAD_BYTES);
            byte[] head = in.readNBytes(InputFormat.HEAD_BYTES);
            in.reset();
            return switch (InputFormat.sniff(head, head.length)) {
                case WAV -> wav(in, file);
                case FLAC -> flac(in, file);
                case EMPTY -> AudioInfo.unknown();
                case OTHER_MEDIA, UNKNOWN -> tagged(file);
            };
        }
    }

    private static AudioInfo wav(InputStream in, Path file) throws Exception {
        WavFormat format = WavHeaderReader.read(in, file);
        if (format.encoding() == null) {
            return tagged(file); // compressed WAV: bytes do not map to frames
        }
        return new AudioInfo(format.durationSeconds(), format.sampleRate(), format.channels());
    }

    private static AudioInfo flac(InputStream in, Path file) throws IOException {
        StreamInfo info = FlacReader.streamInfo(new FLACDecoder(in), file);
        long samples = info.getTotalSamples();
        Double duration = samples > 0 ? (double) samples / info.getSampleRate() : null;
        return new AudioInfo(duration, info.getSampleRate(), info.getChannels());
    }

    private static AudioInfo tagged(Path file) throws Exception {
        AudioHeader header = readTags(file).getAudioHeader();
        double duration = header.getPreciseTrackLength();
        return new AudioInfo(duration > 0 ? duration : null, header.getSampleRateAsNumber(),
                channelCount(header.getChannels()));
    }

    /** By content first; jaudiotagger's content sniffing misses some formats (Ogg), so then by name. */
    private static AudioFile readTags(Path file) throws Exception {
        try {
            return AudioFileIO.readMagic(file.toFile());
        } catch (CannotReadException e) {
            return AudioFileIO.read(file.toFile());
        }
    }

    /** jaudiotagger gives channels as text: a number, or "Stereo", "Joint Stereo", "Mono". */
    private static Integer channelCount(String channels) {
        if (channels == null) {
            return null;
        }
        String text = channels.strip().toLowerCase(java.util.Locale.ROOT);
        if (text.matches("\\d+")) {
            return Integer.valueOf(text);
        }
        if (text.contains("mono")) {
            return 1;
        }
        return text.contains("stereo") || text.contains("dual") ? 2 : null;
    }
}
