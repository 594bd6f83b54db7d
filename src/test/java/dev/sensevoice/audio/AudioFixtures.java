package dev.sensevoice.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Generates test audio at run time: ffmpeg/flac child processes, or WAV bytes written here. */
final class AudioFixtures {
    private AudioFixtures() {
    }

    /** Runs a tool and fails the test with its stderr when it does not succeed. */
    static byte[] run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is needed by this test (install it; CI does): "
                    + e.getMessage(), e);
        }
        byte[] stdout;
        try (InputStream out = process.getInputStream()) {
            stdout = out.readAllBytes();
        }
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail(String.join(" ", command) + " failed: " + stderr);
        }
        return stdout;
    }

    /** Generates a file with ffmpeg from a lavfi source expression and codec arguments. */
    static Path ffmpeg(Path target, String lavfi, String... codec) throws Exception {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y",
                "-f", "lavfi", "-i", lavfi));
        command.addAll(List.of(codec));
        command.add(target.toString());
        run(command.toArray(String[]::new));
        return target;
    }

    /** ffmpeg's own decode of a file at its native rate and channels, as interleaved floats. */
    static float[] ffmpegNative(Path file) throws Exception {
        byte[] bytes = run("ffmpeg", "-nostdin", "-v", "error", "-i", file.toString(),
                "-f", "f32le", "-c:a", "pcm_f32le", "-");
        float[] samples = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(samples);
        return samples;
    }

    /** Everything a source yields, read in blocks of {@code block}. */
    static float[] readAll(SampleSource source, int block) throws IOException {
        float[] all = new float[1024];
        float[] buffer = new float[block];
        int total = 0;
        for (int n; (n = source.read(buffer, 0, block)) >= 0; ) {
            if (total + n > all.length) {
                all = java.util.Arrays.copyOf(all, Math.max(all.length * 2, total + n));
            }
            System.arraycopy(buffer, 0, all, total, n);
            total += n;
        }
        return java.util.Arrays.copyOf(all, total);
    }

    /** Every interleaved frame of a WAV at its native rate, through our parser. */
    static float[] readNative(Path wav) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(wav))) {
            WavFormat format = WavHeaderReader.read(in, wav);
            return readFrames(new WavReader(in, wav, format));
        }
    }

    static float[] readFrames(FrameReader reader) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        float[] block = new float[4096 * reader.channels()];
        for (int n; (n = reader.read(block, 4096)) >= 0; ) {
            ByteBuffer bytes = ByteBuffer.allocate(n * reader.channels() * 4);
            bytes.asFloatBuffer().put(block, 0, n * reader.channels());
            sink.write(bytes.array(), 0, bytes.capacity());
        }
        float[] samples = new float[sink.size() / 4];
        ByteBuffer.wrap(sink.toByteArray()).asFloatBuffer().get(samples);
        return samples;
    }

    static void assertClose(float[] expected, float[] actual, double tolerance) {
        assertEquals(expected.length, actual.length, "sample count");
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(expected[i] - actual[i]) > tolerance) {
                fail("sample " + i + ": expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }

    /** {@code amplitude·sin(2πft)} sampled at {@code rate}. */
    static double sine(double amplitude, double frequency, int rate, long i) {
        return amplitude * Math.sin(2 * Math.PI * frequency * i / rate);
    }

    /** Signal power at {@code frequency} (Goertzel), normalised by length. */
    static double goertzel(float[] x, int from, int to, double frequency, int rate) {
        double coefficient = 2 * Math.cos(2 * Math.PI * frequency / rate);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < to; i++) {
            double s = x[i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        return power / ((double) (to - from) * (to - from));
    }
}
