package dev.sensevoice.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decodes an input with an ffmpeg child process that writes 16 kHz mono f32le to its stdout.
 * ffmpeg does the downmix (normalised so that stereo becomes the average of both channels) and
 * the resampling for these formats. The process is started from an argument list, never a shell,
 * so any file name works; it is destroyed on close.
 */
final class FfmpegSource implements SampleSource {
    private static final int STDERR_LIMIT = 4096;
    private static final int BYTES_PER_SAMPLE = 4;

    private final Path file;
    private final Process process;
    private final InputStream stdout;
    private final Thread stderrReader;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final byte[] bytes = new byte[16_384];
    private int byteCount;
    private boolean ended;

    private FfmpegSource(Path file, Process process) {
        this.file = file;
        this.process = process;
        this.stdout = process.getInputStream();
        this.stderrReader = new Thread(this::drainStderr, "ffmpeg-stderr");
        stderrReader.setDaemon(true);
        stderrReader.start();
    }

    /** Starts ffmpeg and waits for its first output, so that most failures surface here. */
    static FfmpegSource start(Path ffmpeg, Path file) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command(ffmpeg, file)).start();
        } catch (IOException e) {
            throw new AudioException(file, "could not start ffmpeg (" + ffmpeg + "): " + e.getMessage(), e);
        }
        FfmpegSource source = new FfmpegSource(file, process);
        try {
            source.fillBytes();
            return source;
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    static List<String> command(Path ffmpeg, Path file) {
        // "file:" stops names that start with '-' or contain ':' being read as options/protocols.
        return List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel", "error",
                "-i", "file:" + file.toAbsolutePath(), "-map", "0:a:0", "-vn", "-sn", "-dn",
                "-ac", "1", "-rematrix_maxval", "1", "-ar", String.valueOf(SAMPLE_RATE),
                "-f", "f32le", "-");
    }

    @Override
    public int read(float[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (byteCount < BYTES_PER_SAMPLE) {
            fillBytes();
            if (byteCount < BYTES_PER_SAMPLE) {
                return -1;
            }
        }
        int n = Math.min(length, byteCount / BYTES_PER_SAMPLE);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = Float.intBitsToFloat(int32(i * BYTES_PER_SAMPLE));
        }
        int used = n * BYTES_PER_SAMPLE;
        System.arraycopy(bytes, used, bytes, 0, byteCount - used);
        byteCount -= used;
        return n;
    }

    /** Reads until at least one whole sample is buffered or ffmpeg ends (checking its exit). */
    private void fillBytes() throws IOException {
        while (byteCount < BYTES_PER_SAMPLE && !ended) {
            int n = stdout.read(bytes, byteCount, bytes.length - byteCount);
            if (n < 0) {
                ended = true;
                checkExit();
            } else {
                byteCount += n;
            }
        }
    }

    private void checkExit() throws IOException {
        int exit;
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AudioException(file, "ffmpeg closed its output but did not exit");
            }
            stderrReader.join(5_000);
            exit = process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AudioException(file, "interrupted while waiting for ffmpeg", e);
        }
        if (exit != 0) {
            throw new AudioException(file, "ffmpeg failed (exit " + exit + "): " + firstStderrLine());
        }
    }

    /** The "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x5639d9fa4d00] " that ffmpeg puts before a demuxer's message. */
    private static final String DEMUXER_TAG = "^\\[[^\\]]* @ 0x[0-9a-f]+\\] ";

    /** ffmpeg's first error line, which names the cause (e.g. "Invalid data found ..."). */
    String firstStderrLine() {
        String text;
        synchronized (stderr) {
            text = stderr.toString(StandardCharsets.UTF_8);
        }
        String ownName = "file:" + file.toAbsolutePath() + ": ";
        return text.lines().map(line -> line.replace(ownName, "").replaceFirst(DEMUXER_TAG, "").strip())
                .filter(line -> !line.isEmpty()).findFirst().orElse("no error message");
    }

    private void drainStderr() {
        byte[] chunk = new byte[1024];
        try (InputStream err = process.getErrorStream()) {
            for (int n; (n = err.read(chunk)) >= 0; ) {
                synchronized (stderr) {
                    // Keep the start (the cause), drop the rest so a chatty ffmpeg never blocks.
                    stderr.write(chunk, 0, Math.max(0, Math.min(n, STDERR_LIMIT - stderr.size())));
                }
            }
        } catch (IOException e) {
            // The process was destroyed; what was captured so far is all there is.
        }
    }

    private int int32(int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16
                | bytes[at + 3] << 24;
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            stdout.close();
        }
    }
}
