package dev.sensevoice.cache;

import dev.sensevoice.model.Sha256;
import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import dev.sensevoice.frontend.FeatureExtractor;
import dev.sensevoice.frontend.Features;
import dev.sensevoice.model.BestPath;
import dev.sensevoice.model.DeviceRequest;
import dev.sensevoice.model.FeatureBatch;
import dev.sensevoice.model.Logits;
import dev.sensevoice.model.ModelFiles;
import dev.sensevoice.model.ModelMetadata;
import dev.sensevoice.model.ModelOptions;
import dev.sensevoice.model.Precision;
import dev.sensevoice.model.SenseVoiceModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code model verify}: every file present, of the size and sha256 the manifest gives or the
 * install recorded; the metadata readable; and one segment of generated audio run through the
 * real engine with each model file. The first fault stops it: one line naming the file, exit 3.
 */
public final class ModelStoreCheck {
    private static final int RATE = 16_000;
    private final ModelStore.Located model;
    private final Optional<ModelManifest> manifest;
    private final Optional<ModelStoreReceipt> receipt;
    private final Consumer<String> report;

    /** {@code report} gets one line per check passed. */
    public ModelStoreCheck(ModelStore.Located model, Optional<ModelManifest> manifest, Consumer<String> report) {
        this.model = model;
        this.manifest = manifest;
        this.receipt = ModelStoreReceipt.read(model.dir());
        this.report = report;
    }

    /** Runs every check; returns normally only when all pass. */
    public void run() {
        for (String name : expectedFiles()) {
            checkFile(name);
        }
        if (manifest.map(m -> m.kind().equals(ModelManifest.ASR)).orElse(true)) {
            ModelMetadata metadata = ModelMetadata.load(model.dir());
            ModelFiles files = ModelFiles.locate(model.dir());
            report.accept(String.format(Locale.ROOT, "ok  metadata: %s, vocabulary %d, LFR %d/%d",
                    files.flavour().label(), metadata.vocabSize(), metadata.lfrWindowSize(), metadata.lfrWindowShift()));
            files.fp32().ifPresent(f -> testRun(files, Precision.FP32, f));
            files.int8().ifPresent(f -> testRun(files, Precision.INT8, f));
        }
    }

    /** The manifest's files, the receipt's, and (for a plain folder) the model files found there. */
    private Set<String> expectedFiles() {
        Set<String> names = new LinkedHashSet<>();
        manifest.ifPresent(m -> m.files().forEach(f -> names.add(f.name())));
        receipt.ifPresent(r -> r.files().forEach(e -> names.add(e.name())));
        if (names.isEmpty()) {
            ModelFiles files = ModelFiles.locate(model.dir());
            files.fp32().ifPresent(f -> names.add(f.getFileName().toString()));
            files.int8().ifPresent(f -> names.add(f.getFileName().toString()));
            names.add(files.tokens().getFileName().toString());
            files.amMvn().ifPresent(f -> names.add(f.getFileName().toString()));
        }
        return names;
    }

    private void checkFile(String name) {
        Path file = model.dir().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw damaged(file, "missing");
        }
        long size = size(file);
        Optional<ModelManifest.File> listed = manifest.flatMap(m -> m.files().stream()
                .filter(f -> f.name().equals(name)).findFirst());
        Optional<ModelStoreReceipt.Entry> recorded = receipt.flatMap(r -> r.entry(name));
        if (listed.isPresent() && listed.get().size().isPresent() && listed.get().size().getAsLong() != size) {
            throw damaged(file, size + " bytes, the manifest says " + listed.get().size().getAsLong());
        }
        if (recorded.isPresent() && recorded.get().size() != size) {
            throw damaged(file, size + " bytes, " + recorded.get().size() + " when installed");
        }
        String sha = Sha256.of(file);
        Optional<String> official = listed.flatMap(ModelManifest.File::sha256);
        if (official.isPresent() && !official.get().equals(sha)) {
            throw damaged(file, "sha256 " + sha + " differs from the official " + official.get());
        }
        if (recorded.isPresent() && !recorded.get().sha256().equals(sha)) {
            throw damaged(file, "sha256 " + sha + " differs from " + recorded.get().sha256() + " recorded when installed");
        }
        String verdict = official.isPresent() ? "ok  %s  matches the official checksum"
                : recorded.isPresent() ? "ok  %s  matches the first download's, " + receipt.get().installedAt()
                : "--  %s  nothing to compare with";
        report.accept(String.format(Locale.ROOT, verdict, String.format(Locale.ROOT, "%s  %,d bytes  sha256 %s",
                name, size, sha)));
    }

    /** Opens the file on CPU and runs 1 s of generated audio as one segment; the logits must be sane. */
    private void testRun(ModelFiles files, Precision precision, Path file) {
        ModelOptions options = ModelOptions.defaults().withDevice(DeviceRequest.parse("cpu")).withThreads(1)
                .withPrecision(precision);
        long start = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        try (SenseVoiceModel engine = SenseVoiceModel.open(files, options, warnings::add)) {
            ModelMetadata m = engine.metadata();
            Features features = new FeatureExtractor(m.frontend()).extract(oneSecond());
            FeatureBatch batch = new FeatureBatch(List.of(features), new int[] {m.languageRow("auto").orElse(0)},
                    new int[] {m.textNormRow(true)});
            Logits logits = engine.run(batch).get(0);
            if (logits.frames() != features.frames() + BestPath.QUERY_FRAMES || logits.vocab() != engine.tokens().size() || !finite(logits)) {
                throw damaged(file, "the test run gave " + logits.frames() + " x " + logits.vocab()
                        + " logits (expected " + (features.frames() + BestPath.QUERY_FRAMES) + " x " + engine.tokens().size() + ", finite)");
            }
            report.accept(String.format(Locale.ROOT, "ok  test run: %s, 1 s of audio -> %d frames of logits in %d ms",
                    name(file), logits.frames(), (System.nanoTime() - start) / 1_000_000));
        } catch (SenseVoiceException e) {
            throw e;
        } catch (RuntimeException e) {
            throw damaged(file, "the test run failed: " + e.getMessage());
        }
    }

    /** A tone gliding over speech frequencies with a little noise, at 16 kHz. */
    static float[] oneSecond() {
        float[] samples = new float[RATE];
        java.util.Random noise = new java.util.Random(1);
        for (int i = 0; i < samples.length; i++) {
            double t = i / (double) RATE;
            samples[i] = (float) (0.3 * Math.sin(2 * Math.PI * (150 + 300 * t) * t) + 0.01 * noise.nextGaussian());
        }
        return samples;
    }

    private static boolean finite(Logits logits) {
        for (float v : logits.values()) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private SenseVoiceException damaged(Path file, String what) {
        String fix = switch (model.origin()) {
            case INSTALLED -> "run: sensevoice model download " + model.name() + " --force";
            case BUNDLED -> "restore it from the repository";
            case FOLDER -> "replace it with a good copy";
        };
        return new SenseVoiceException(ExitCode.MODEL_START, file + ": " + what + "; damaged or truncated: " + fix);
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new SenseVoiceException(ExitCode.MODEL_START, file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
