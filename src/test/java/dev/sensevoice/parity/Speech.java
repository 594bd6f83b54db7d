package dev.sensevoice.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Real speech for tests: espeak-ng (which CI installs) resampled by sox to 16 kHz 16-bit mono. */
final class Speech {
    private static final AtomicInteger COUNT = new AtomicInteger();

    private Speech() {
    }

    static Path say(Path dir, String voice, String text, int wordsPerMinute)
            throws IOException, InterruptedException {
        int n = COUNT.incrementAndGet();
        Path raw = dir.resolve("espeak-" + n + ".wav");
        Path wav = dir.resolve("speech-" + n + ".wav");
        run("espeak-ng", "-v", voice, "-s", String.valueOf(wordsPerMinute), "-w", raw.toString(), text);
        run("sox", raw.toString(), "-r", "16000", "-b", "16", "-c", "1", wav.toString());
        return wav;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    }
}
