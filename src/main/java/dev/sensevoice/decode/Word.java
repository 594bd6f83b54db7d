package dev.sensevoice.decode;

/** A whole word (English pieces merged; one CJK character each), with its time span in seconds. */
public record Word(String text, double start, double end) {
}
