package dev.sensevoice.model;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.providers.OrtCUDAProviderOptions;
import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Opens the ONNX Runtime session on the device the request resolves to. {@code auto} tries CUDA
 * only when the probe sees an NVIDIA device and falls back to CPU with one warning quoting ORT's
 * reason; an explicit {@code cuda} that fails is an error (exit 3).
 */
final class SessionStarter {
    private final ModelFiles files;
    private final ModelOptions options;
    private final Consumer<String> warnings;

    /** The open session, the file it runs and the device it runs on. */
    record Started(OrtSession session, Path file, ExecutionDevice device) {
    }

    SessionStarter(ModelFiles files, ModelOptions options, Consumer<String> warnings) {
        this.files = files;
        this.options = options;
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
            return new Started(cudaSession(file, cuda), file, cuda);
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
            return new Started(cudaSession(file, cuda), file, cuda);
        } catch (OrtException e) {
            throw new SenseVoiceException(ExitCode.MODEL_START, file + ": cannot start " + cuda.label()
                    + ": " + reason(e) + "; use --device cpu, or auto to fall back", e);
        }
    }

    private Started cpu() {
        Path file = files.choose(options.precision(), ExecutionDevice.CPU);
        try (OrtSession.SessionOptions session = baseOptions()) {
            return new Started(OrtEnvironment.getEnvironment().createSession(file.toString(), session),
                    file, ExecutionDevice.CPU);
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

    /** CUDA options as the design asks: own arena growth, heuristic cuDNN search, optional limit. */
    private OrtSession cudaSession(Path file, ExecutionDevice.Cuda cuda) throws OrtException {
        try (OrtSession.SessionOptions session = baseOptions();
             OrtCUDAProviderOptions provider = new OrtCUDAProviderOptions(cuda.id())) {
            provider.add("arena_extend_strategy", "kSameAsRequested");
            provider.add("cudnn_conv_algo_search", "HEURISTIC");
            if (options.gpuMemLimitBytes() > 0) {
                provider.add("gpu_mem_limit", Long.toString(options.gpuMemLimitBytes()));
            }
            session.addCUDA(provider);
            return OrtEnvironment.getEnvironment().createSession(file.toString(), session);
        }
    }

    /** Intra-op threads as asked; inter-op 1, since the encoder is one chain of layers. */
    private OrtSession.SessionOptions baseOptions() throws OrtException {
        OrtSession.SessionOptions session = new OrtSession.SessionOptions();
        try {
            session.setIntraOpNumThreads(options.threads());
            session.setInterOpNumThreads(1);
            session.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
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
