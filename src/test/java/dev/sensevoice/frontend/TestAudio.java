package dev.sensevoice.frontend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Test fixtures under {@code src/test/resources/frontend/}: 16-bit mono WAVs and float32 goldens. */
final class TestAudio {
    private TestAudio() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = TestAudio.class.getResourceAsStream("/frontend/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource frontend/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Samples in [-1, 1] of a canonical 16-bit PCM mono WAV, located by its "data" chunk. */
    static float[] wav(String name) {
        ByteBuffer b = ByteBuffer.wrap(bytes(name)).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        while (!(b.get(pos) == 'd' && b.get(pos + 1) == 'a' && b.get(pos + 2) == 't' && b.get(pos + 3) == 'a')) {
            pos += 8 + b.getInt(pos + 4);
        }
        int count = b.getInt(pos + 4) / 2;
        float[] samples = new float[count];
        for (int i = 0; i < count; i++) {
            samples[i] = b.getShort(pos + 8 + 2 * i) / 32768f;
        }
        return samples;
    }

    static float[] floats(String name) {
        ByteBuffer b = ByteBuffer.wrap(bytes(name)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[b.remaining() / 4];
        b.asFloatBuffer().get(values);
        return values;
    }
}
