package dev.sensevoice.output;

/** The program that wrote a transcript (JSON {@code tool}). */
public record ToolStamp(String name, String version) {

    /** This build, its version read from the jar manifest ("dev" when run from classes). */
    public static ToolStamp current() {
        String version = ToolStamp.class.getPackage().getImplementationVersion();
        return new ToolStamp("sensevoice", version == null ? "dev" : version);
    }
}
