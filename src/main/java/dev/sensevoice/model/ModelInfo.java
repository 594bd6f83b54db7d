package dev.sensevoice.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What ran: the model's name (its directory), the file, its sha256 (computed on first use, then
 * kept), the device actually used, the flavour and the graph's inputs and outputs.
 */
public final class ModelInfo {
    private final String name;
    private final Path file;
    private final ModelFlavour flavour;
    private final ExecutionDevice device;
    private final boolean quantized;
    private final List<TensorSpec> inputs;
    private final List<TensorSpec> outputs;
    private String sha256;

    ModelInfo(String name, Path file, ModelFlavour flavour, ExecutionDevice device, boolean quantized,
              List<TensorSpec> inputs, List<TensorSpec> outputs) {
        this.name = name;
        this.file = file;
        this.flavour = flavour;
        this.device = device;
        this.quantized = quantized;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
    }

    public String name() {
        return name;
    }

    public Path file() {
        return file;
    }

    public ModelFlavour flavour() {
        return flavour;
    }

    public ExecutionDevice device() {
        return device;
    }

    public boolean quantized() {
        return quantized;
    }

    public List<TensorSpec> inputs() {
        return inputs;
    }

    public List<TensorSpec> outputs() {
        return outputs;
    }

    /** Lower-case hex sha256 of the model file; the first call reads the whole file. */
    public synchronized String sha256() {
        if (sha256 == null) {
            sha256 = sha256(file);
        }
        return sha256;
    }

    /** The hash as the snapshot source already knew it (from its memo), so it is not read again. */
    synchronized void knownSha256(String hex) {
        sha256 = hex;
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    @Override
    public String toString() {
        return name + " (" + file.getFileName() + ", " + flavour.label() + ", " + device.label() + ")";
    }
}
