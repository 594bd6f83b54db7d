package dev.sensevoice.decode;

/** One decoded text piece ("▁" already turned into a leading space) and when it was emitted, in seconds. */
public record TimedToken(String text, double start) {
}
