package dev.sensevoice.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Recordings for the end-to-end tests, made at run time with espeak-ng, sox and ffmpeg (CI installs them). */
final class Fixtures {
    private Fixtures() {
    }

    /** Spoken English from espeak-ng (22.05 kHz mono, 16-bit). */
    static Path speech(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        run("espeak-ng", "-w", file.toString(), text);
        return file;
    }

    /** sox conversion; {@code options} go before the output name (-r 8000, -c 2, -b 24, -e floating-point, ...). */
    static Path sox(Path from, Path to, String... options) throws IOException {
        Files.createDirectories(to.getParent());
        List<String> command = new ArrayList<>(List.of("sox", from.toString()));
        command.addAll(Arrays.asList(options));
        command.add(to.toString());
        run(command.toArray(String[]::new));
        return to;
    }

    /** ffmpeg encoding; the codec follows the output's extension unless {@code options} say otherwise. */
    static Path ffmpeg(Path from, Path to, String... options) throws IOException {
        Files.createDirectories(to.getParent());
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", from.toString()));
        command.addAll(Arrays.asList(options));
        command.add(to.toString());
        run(command.toArray(String[]::new));
        return to;
    }

    /** A WAV whose header is complete but declares zero channels. */
    static Path zeroChannelWav(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + 1000).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 1000).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 0)
                .putInt(16000).putInt(0).putShort((short) 0).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(1000);
        return Files.write(file, b.array());
    }

    /** The first {@code bytes} of {@code from}: a cut download. */
    static Path truncated(Path from, Path to, int bytes) throws IOException {
        return Files.write(to, Arrays.copyOf(Files.readAllBytes(from), bytes));
    }

    /** Runs a tool; its output is discarded, a failure throws with its stderr. */
    static String run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return output;
    }
}
