package dev.sensevoice.model;

import java.util.Locale;

/**
 * What the user asked for with {@code --device}: {@code auto} (CUDA only when an NVIDIA device is
 * present, otherwise CPU silently), or one device explicitly (failing to start it is an error).
 */
public sealed interface DeviceRequest {
    DeviceRequest AUTO = new Auto();

    record Auto() implements DeviceRequest {
        @Override
        public String toString() {
            return "auto";
        }
    }

    record Explicit(ExecutionDevice device) implements DeviceRequest {
        @Override
        public String toString() {
            return device.label();
        }
    }

    /** Parses {@code auto|cpu|cuda|cuda:N}; anything else is a one-line IllegalArgumentException. */
    static DeviceRequest parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("auto")) {
            return AUTO;
        }
        if (value.equals("cpu")) {
            return new Explicit(ExecutionDevice.CPU);
        }
        if (value.equals("cuda")) {
            return new Explicit(new ExecutionDevice.Cuda(0));
        }
        if (value.startsWith("cuda:") && value.substring(5).matches("[0-9]{1,4}")) {
            return new Explicit(new ExecutionDevice.Cuda(Integer.parseInt(value.substring(5))));
        }
        throw new IllegalArgumentException("device '" + text + "' is not auto, cpu, cuda or cuda:N");
    }
}
