package dev.sensevoice.transcribe;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** A 16 kHz mono WAV of a warbling tone: speech-like energy for the random-weight test models. */
final class Tone {
    private Tone() {
    }

    static Path write(Path file, double seconds) throws IOException {
        int rate = 16_000;
        int n = (int) (seconds * rate);
        ByteBuffer pcm = ByteBuffer.allocate(n * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate;
            double v = 0.3 * Math.sin(2 * Math.PI * (200 + 80 * Math.sin(2 * Math.PI * 3 * t)) * t);
            pcm.putShort((short) Math.round(v * 32767));
        }
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, n)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }
}
