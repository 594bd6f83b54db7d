package dev.sensevoice.bench;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Synthesized speech of a given length: espeak-ng utterances (22.05 kHz, 16-bit mono, as espeak-ng
 * writes them) one after another with pauses of 0.3-1.1 s, cut at the length asked. Real speech
 * shape matters: the VAD cuts it into segments as it would cut a recording.
 */
final class SpeechAudio {
    private static final String[] SENTENCES = {
        "The quick brown fox jumps over the lazy dog near the river bank.",
        "Please call me back before five o'clock tomorrow afternoon.",
        "Twenty three people were waiting at the station when the train arrived.",
        "We measured the latency of every stage and wrote the figures down.",
        "She sells sea shells by the sea shore on sunny days.",
        "The meeting has been moved to Thursday at half past nine.",
        "Numbers like four hundred and twelve are read out one by one.",
        "A long quiet pause can follow a sentence, and then speech starts again.",
    };
    private static final float RATE = 22_050f;

    private final Path dir;
    private List<short[]> utterances;

    SpeechAudio(Path dir) {
        this.dir = dir;
    }

    /** Writes {@code seconds} of speech to {@code dir}, named by its length; returns the file. */
    Path make(double seconds) throws IOException, InterruptedException {
        int total = (int) Math.round(seconds * RATE);
        short[] pcm = new short[total];
        int at = 0;
        for (int i = 0; at < total; i++) {
            short[] u = utterances().get(i % utterances().size());
            int n = Math.min(u.length, total - at);
            System.arraycopy(u, 0, pcm, at, n);
            at += n + (int) (RATE * (0.3 + 0.1 * (i % 9)));
        }
        Path file = dir.resolve(String.format(Locale.ROOT, "speech-%.0fs.wav", seconds));
        write(pcm, file);
        return file;
    }

    private List<short[]> utterances() throws IOException, InterruptedException {
        if (utterances == null) {
            utterances = new ArrayList<>();
            for (int i = 0; i < SENTENCES.length; i++) {
                utterances.add(speak(SENTENCES[i], 150 + 15 * (i % 4)));
            }
        }
        return utterances;
    }

    private short[] speak(String text, int wordsPerMinute) throws IOException, InterruptedException {
        Path wav = dir.resolve("utterance.wav");
        Process p;
        try {
            p = new ProcessBuilder("espeak-ng", "-v", "en-us", "-s", String.valueOf(wordsPerMinute), "-w",
                    wav.toString(), text).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new SenseVoiceException(ExitCode.USAGE, "espeak-ng not found: install it (apt-get install "
                    + "espeak-ng) to synthesize benchmark audio, or give recordings with --audio FILES");
        }
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("espeak-ng failed: " + out.strip());
        }
        try {
            return read(wav);
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    private static short[] read(Path wav) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            if (f.getChannels() != 1 || f.getSampleSizeInBits() != 16 || f.getSampleRate() != RATE) {
                throw new IOException(wav + ": espeak-ng wrote " + f + ", expected 22050 Hz 16-bit mono");
            }
            byte[] bytes = in.readAllBytes();
            short[] pcm = new short[bytes.length / 2];
            for (int i = 0; i < pcm.length; i++) {
                pcm[i] = f.isBigEndian() ? (short) ((bytes[2 * i] << 8) | (bytes[2 * i + 1] & 0xff))
                        : (short) ((bytes[2 * i + 1] << 8) | (bytes[2 * i] & 0xff));
            }
            return pcm;
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(wav + ": not a WAV file espeak-ng wrote", e);
        }
    }

    private static void write(short[] pcm, Path file) throws IOException {
        byte[] bytes = new byte[pcm.length * 2];
        for (int i = 0; i < pcm.length; i++) {
            bytes[2 * i] = (byte) pcm[i];
            bytes[2 * i + 1] = (byte) (pcm[i] >> 8);
        }
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes), format, pcm.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
        }
        Files.write(file, out.toByteArray());
    }
}
