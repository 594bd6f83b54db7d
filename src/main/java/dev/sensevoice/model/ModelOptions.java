package dev.sensevoice.model;

/**
 * How to start the model: device, precision, CPU threads, an optional CUDA memory limit, and the
 * probe that tells {@code auto} whether an NVIDIA device exists.
 *
 * @param threads          intra-op threads of the session (inter-op is 1: the graph is a chain)
 * @param gpuMemLimitBytes CUDA arena limit in bytes; 0 = ORT's default (no limit)
 * @param frameBucket      batches are padded to a multiple of this many frames; 0 = the device's
 *                         default ({@link #CUDA_FRAME_BUCKET} on CUDA, none on CPU)
 */
public record ModelOptions(DeviceRequest device, Precision precision, int threads,
                           long gpuMemLimitBytes, GpuProbe probe, int frameBucket) {
    /**
     * 50 frames = 3 s of audio after LFR. On CUDA every new input shape costs a kernel search and
     * arena growth; rounding frame counts up bounds the shapes seen to a few dozen.
     */
    public static final int CUDA_FRAME_BUCKET = 50;

    public ModelOptions {
        if (frameBucket < 0) {
            throw new IllegalArgumentException("frame bucket (" + frameBucket + ") must not be negative");
        }
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
                Runtime.getRuntime().availableProcessors(), 0, GpuProbe.driver(), 0);
    }

    public ModelOptions withDevice(DeviceRequest newDevice) {
        return new ModelOptions(newDevice, precision, threads, gpuMemLimitBytes, probe, frameBucket);
    }

    public ModelOptions withPrecision(Precision newPrecision) {
        return new ModelOptions(device, newPrecision, threads, gpuMemLimitBytes, probe, frameBucket);
    }

    public ModelOptions withThreads(int newThreads) {
        return new ModelOptions(device, precision, newThreads, gpuMemLimitBytes, probe, frameBucket);
    }

    public ModelOptions withGpuMemLimit(long bytes) {
        return new ModelOptions(device, precision, threads, bytes, probe, frameBucket);
    }

    public ModelOptions withProbe(GpuProbe newProbe) {
        return new ModelOptions(device, precision, threads, gpuMemLimitBytes, newProbe, frameBucket);
    }

    public ModelOptions withFrameBucket(int frames) {
        return new ModelOptions(device, precision, threads, gpuMemLimitBytes, probe, frames);
    }

    /** The bucket on {@code device}: as given, or the device's default; 1 = no padding beyond the longest. */
    int bucketOn(ExecutionDevice where) {
        if (frameBucket > 0) {
            return frameBucket;
        }
        return where instanceof ExecutionDevice.Cuda ? CUDA_FRAME_BUCKET : 1;
    }
}
