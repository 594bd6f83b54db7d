package dev.sensevoice.model;

/**
 * How to start the model: device, precision, CPU threads, an optional CUDA memory limit, and the
 * probe that tells {@code auto} whether an NVIDIA device exists.
 *
 * @param threads          intra-op threads of the session (inter-op is 1: the graph is a chain)
 * @param gpuMemLimitBytes CUDA arena limit in bytes; 0 = ORT's default (no limit)
 */
public record ModelOptions(DeviceRequest device, Precision precision, int threads,
                           long gpuMemLimitBytes, GpuProbe probe) {
    public ModelOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads (" + threads + ") must be 1 or more");
        }
        if (gpuMemLimitBytes < 0) {
            throw new IllegalArgumentException("gpu memory limit (" + gpuMemLimitBytes + ") must not be negative");
        }
    }

    /** auto device, auto precision, one thread per core, no memory limit, the driver probe. */
    public static ModelOptions defaults() {
        return new ModelOptions(DeviceRequest.AUTO, Precision.AUTO,
                Runtime.getRuntime().availableProcessors(), 0, GpuProbe.driver());
    }

    public ModelOptions withDevice(DeviceRequest newDevice) {
        return new ModelOptions(newDevice, precision, threads, gpuMemLimitBytes, probe);
    }

    public ModelOptions withPrecision(Precision newPrecision) {
        return new ModelOptions(device, newPrecision, threads, gpuMemLimitBytes, probe);
    }

    public ModelOptions withThreads(int newThreads) {
        return new ModelOptions(device, precision, newThreads, gpuMemLimitBytes, probe);
    }

    public ModelOptions withGpuMemLimit(long bytes) {
        return new ModelOptions(device, precision, threads, bytes, probe);
    }

    public ModelOptions withProbe(GpuProbe newProbe) {
        return new ModelOptions(device, precision, threads, gpuMemLimitBytes, newProbe);
    }
}
