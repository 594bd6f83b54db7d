package dev.sensevoice.model;

import java.nio.file.Path;
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
            sha256 = Sha256.of(file);
        }
        return sha256;
    }

    /** The hash as the snapshot source already knew it (from its memo), so it is not read again. */
    synchronized void knownSha256(String hex) {
        sha256 = hex;
    }

    @Override
    public String toString() {
        return name + " (" + file.getFileName() + ", " + flavour.label() + ", " + device.label() + ")";
    }
}
