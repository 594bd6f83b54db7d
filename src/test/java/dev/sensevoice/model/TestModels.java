package dev.sensevoice.model;

import dev.sensevoice.frontend.Features;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** The committed random-weight models (src/test/resources/models) and inputs for them. */
final class TestModels {
    static final Path ROOT = Path.of("src/test/resources/models");
    static final Path SHERPA = ROOT.resolve("test-sherpa");
    static final Path FUNASR = ROOT.resolve("test-funasr");
    static final int VOCAB = 392;
    static final int DIM = 560;

    private TestModels() {
    }

    /** Normalised-looking features (about N(0,1), as after CMVN), seeded. */
    static Features features(int frames, long seed) {
        Random random = new Random(seed);
        float[] values = new float[frames * DIM];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return new Features(values, frames, DIM);
    }

    static FeatureBatch batch(List<Features> items, int language, int textNorm) {
        int[] languages = new int[items.size()];
        int[] norms = new int[items.size()];
        java.util.Arrays.fill(languages, language);
        java.util.Arrays.fill(norms, textNorm);
        return new FeatureBatch(items, languages, norms);
    }

    /** Copies the named files of {@code from} into {@code to}. */
    static Path copy(Path from, Path to, String... names) {
        try {
            Files.createDirectories(to);
            for (String name : names) {
                Files.copy(from.resolve(name), to.resolve(name));
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ModelOptions cpu() {
        return ModelOptions.defaults().withDevice(DeviceRequest.parse("cpu")).withThreads(1);
    }

    static float maxDifference(Logits a, Logits b) {
        float max = 0;
        for (int i = 0; i < a.values().length; i++) {
            max = Math.max(max, Math.abs(a.values()[i] - b.values()[i]));
        }
        return max;
    }

    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
