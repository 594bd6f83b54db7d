package dev.sensevoice.metrics;

/** GPU memory used by this process, in MiB; {@code null} without an NVIDIA driver. */
public interface VramProbe extends MemoryProbe {
    VramProbe NONE = () -> null;

    /** Asks nvidia-smi; gives up (null forever) after the first failure. */
    static VramProbe nvidiaSmi() {
        return new NvidiaSmiVramProbe(ProcessHandle.current().pid());
    }
}
