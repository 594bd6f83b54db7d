package dev.sensevoice.pipeline;

/** A stage whose policy is {@link FailurePolicy.StopRun} failed; the run was cancelled. */
public final class PipelineFailedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String stage;

    public PipelineFailedException(String stage, Throwable cause) {
        super(stage + ": " + cause.getMessage(), cause);
        this.stage = stage;
    }

    public String stage() {
        return stage;
    }
}
