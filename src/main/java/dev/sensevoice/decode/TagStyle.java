package dev.sensevoice.decode;

/** How tags appear in every text field except {@code raw} ({@code --tags}). */
public enum TagStyle {
    /** Clean text, no tags. */
    STRIP,
    /** FunASR's rich post-processing of the segment's raw text: event and emotion emojis. */
    EMOJI,
    /** The raw text with its tags. */
    KEEP;

    public String apply(Recognition recognition) {
        return switch (this) {
            case STRIP -> recognition.text();
            case EMOJI -> RichText.postprocess(recognition.raw());
            case KEEP -> recognition.raw();
        };
    }
}
