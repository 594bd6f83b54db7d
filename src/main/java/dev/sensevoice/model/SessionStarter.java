package dev.sensevoice.model;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import ai.onnxruntime.providers.OrtCUDAProviderOptions;
import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Opens the ONNX Runtime session on the device the request resolves to. {@code auto} tries CUDA
 * only when the probe sees an NVIDIA device and falls back to CPU with one warning quoting ORT's
 * reason; an explicit {@code cuda} that fails is an error (exit 3). What is loaded (the file, a
 * snapshot of it, or the file while saving a snapshot) is the {@link SnapshotSource}'s plan.
 */
final class SessionStarter {
    /**
     * Level for loading a snapshot: NO_OPT, as BASIC finds nothing left to do in an EXTENDED graph
     * and measured no faster (docs/benchmarks.md, scripts/SnapshotLoadLevels.java).
     */
    static final OptLevel SNAPSHOT_LEVEL = OptLevel.NO_OPT;

    private final ModelFiles files;
    private final ModelOptions options;
    private final SnapshotSource snapshots;
    private final Consumer<String> warnings;

    /** The open session, the model file it runs, the device, and the file's hash when already known. */
    record Started(OrtSession session, Path file, ExecutionDevice device, Optional<String> sha256) {
    }

    /** Builds the session options for one device; the caller closes them. */
    @FunctionalInterface
    private interface DeviceOptions {
        OrtSession.SessionOptions create() throws OrtException;
    }

    SessionStarter(ModelFiles files, ModelOptions options, SnapshotSource snapshots, Consumer<String> warnings) {
        this.files = files;
        this.options = options;
        this.snapshots = snapshots;
        this.warnings = warnings;
    }

    Started start() {
        if (options.device() instanceof DeviceRequest.Explicit explicit) {
            return explicit.device() instanceof ExecutionDevice.Cuda cuda ? requiredCuda(cuda) : cpu();
        }
        if (!options.probe().nvidiaDevicePresent()) {
            return cpu();
        }
        ExecutionDevice.Cuda cuda = new ExecutionDevice.Cuda(0);
        Path file = files.choose(options.precision(), cuda);
        if (ModelFiles.quantizedName(file)) {
            warnings.accept(int8OnCuda(file) + "; running on CPU instead");
            return cpu();
        }
        try {
            return open(file, cuda, () -> cudaOptions(cuda));
        } catch (OrtException e) {
            warnings.accept("CUDA device 0 could not start, running on CPU instead: " + reason(e));
            return cpu();
        }
    }

    private Started requiredCuda(ExecutionDevice.Cuda cuda) {
        Path file = files.choose(options.precision(), cuda);
        if (ModelFiles.quantizedName(file)) {
            throw new SenseVoiceException(ExitCode.MODEL_START, int8OnCuda(file));
        }
        try {
            return open(file, cuda, () -> cudaOptions(cuda));
        } catch (OrtException e) {
            throw new SenseVoiceException(ExitCode.MODEL_START, file + ": cannot start " + cuda.label()
                    + ": " + reason(e) + "; use --device cpu, or auto to fall back", e);
        }
    }

    private Started cpu() {
        Path file = files.choose(options.precision(), ExecutionDevice.CPU);
        try {
            return open(file, ExecutionDevice.CPU, () -> baseOptions(false));
        } catch (OrtException e) {
            throw new SenseVoiceException(ExitCode.MODEL_START, file + ": ONNX Runtime cannot load it: "
                    + reason(e) + "; download or export the model again", e);
        }
    }

    /** Dynamic quantization has no CUDA kernels: ORT would copy every MatMul to the CPU and back. */
    static String int8OnCuda(Path file) {
        return file + ": " + file.getFileName() + " is int8: its MatMuls run on CPU under CUDA; use the fp32 "
                + "model.onnx on GPUs";
    }

    /**
     * Loads as planned; a snapshot ORT refuses is handed back to the source and planned again, once.
     * A device that cannot start is not the snapshot's fault: the plan is dropped, the snapshot kept.
     */
    private Started open(Path file, ExecutionDevice device, DeviceOptions deviceOptions) throws OrtException {
        LoadPlan plan = snapshots.plan(file, device);
        try (OrtSession.SessionOptions options = created(deviceOptions, plan)) {
            return load(plan, device, options);
        } catch (OrtException e) {
            if (!(plan instanceof LoadPlan.FromSnapshot fromSnapshot) || e instanceof DeviceFailure) {
                throw e;
            }
            snapshots.rejected(fromSnapshot, reason(e));
        }
        LoadPlan again = snapshots.plan(file, device);
        try (OrtSession.SessionOptions options = created(deviceOptions, again)) {
            return load(again, device, options);
        }
    }

    /** The device's options; when they cannot be made, the plan is dropped and the failure marked as the device's. */
    private OrtSession.SessionOptions created(DeviceOptions deviceOptions, LoadPlan plan) throws OrtException {
        try {
            return deviceOptions.create();
        } catch (OrtException e) {
            snapshots.failed(plan);
            throw new DeviceFailure(e);
        }
    }

    /** An OrtException from starting the device rather than from loading the model. */
    private static final class DeviceFailure extends OrtException {
        DeviceFailure(OrtException cause) {
            super(cause.getCode(), cause.getMessage());
            initCause(cause);
        }
    }

    private Started load(LoadPlan plan, ExecutionDevice device, OrtSession.SessionOptions options) throws OrtException {
        long t0 = System.nanoTime();
        String path = plan.file().toString();
        try {
            if (plan instanceof LoadPlan.FromSnapshot snapshot) {
                options.setOptimizationLevel(SNAPSHOT_LEVEL);
                path = snapshot.snapshot().toString();
            } else if (plan instanceof LoadPlan.Build build) {
                options.setOptimizationLevel(OptLevel.EXTENDED_OPT);
                options.setOptimizedModelFilePath(build.writeTo().toString());
                options.addConfigEntry("session.optimized_model_external_initializers_file_name", build.dataFile());
                options.addConfigEntry("session.optimized_model_external_initializers_min_size_in_bytes", "1024");
            }
            OrtSession created = OrtEnvironment.getEnvironment().createSession(path, options);
            snapshots.started(plan, Duration.ofNanos(System.nanoTime() - t0));
            return new Started(created, plan.file(), device, plan.modelSha256());
        } catch (OrtException | RuntimeException e) {
            if (!(plan instanceof LoadPlan.FromSnapshot)) {
                snapshots.failed(plan);
            }
            throw e;
        }
    }

    /** CUDA options as the design asks: own arena growth, heuristic cuDNN search, optional limit. */
    private OrtSession.SessionOptions cudaOptions(ExecutionDevice.Cuda cuda) throws OrtException {
        OrtSession.SessionOptions session = baseOptions(true);
        try (OrtCUDAProviderOptions provider = new OrtCUDAProviderOptions(cuda.id())) {
            provider.add("arena_extend_strategy", "kSameAsRequested");
            provider.add("cudnn_conv_algo_search", "HEURISTIC");
            if (options.gpuMemLimitBytes() > 0) {
                provider.add("gpu_mem_limit", Long.toString(options.gpuMemLimitBytes()));
            }
            session.addCUDA(provider);
            return session;
        } catch (OrtException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /**
     * Intra-op threads as asked; inter-op 1, since the encoder is one chain of layers.
     *
     * <p>{@code memoryPatterns} false on CPU: ORT keeps a plan per input shape and takes each plan's
     * whole block from its arena at once; batches come in many shapes, so over a long run the arena
     * fragments and grows past what one batch of the largest shape needs (docs/benchmarks.md,
     * Memory). CUDA keeps them: its batches come in a few padded shape buckets.
     */
    private OrtSession.SessionOptions baseOptions(boolean memoryPatterns) throws OrtException {
        OrtSession.SessionOptions session = new OrtSession.SessionOptions();
        try {
            session.setIntraOpNumThreads(options.threads());
            session.setInterOpNumThreads(1);
            session.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            session.setMemoryPatternOptimization(memoryPatterns);
            return session;
        } catch (OrtException e) {
            session.close();
            throw e;
        }
    }

    /**
     * ORT's message on one line, without the source-file prefix it puts before the reason
     * ("Error code - ORT_FAIL - message: …/provider_bridge_ort.cc:1844 … : FAIL : Failed to …").
     */
    static String reason(OrtException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        String line = message.replaceAll("\\s+", " ").strip();
        return line.replaceFirst("^.*\\[ONNXRuntimeError\\] : \\d+ : \\w+ : ", "");
    }
}
