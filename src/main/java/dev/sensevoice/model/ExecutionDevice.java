package dev.sensevoice.model;

/** Where the session runs: the CPU or one CUDA device. */
public sealed interface ExecutionDevice {
    ExecutionDevice CPU = new Cpu();

    /** The name the JSON output and messages use: {@code cpu} or {@code cuda:N}. */
    String label();

    record Cpu() implements ExecutionDevice {
        @Override
        public String label() {
            return "cpu";
        }
    }

    record Cuda(int id) implements ExecutionDevice {
        public Cuda {
            if (id < 0) {
                throw new IllegalArgumentException("cuda device id (" + id + ") must be 0 or more");
            }
        }

        @Override
        public String label() {
            return "cuda:" + id;
        }
    }
}
