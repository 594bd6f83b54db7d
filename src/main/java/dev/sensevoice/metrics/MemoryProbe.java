package dev.sensevoice.metrics;

/** A memory reading in MiB, or {@code null} when it cannot be measured here. */
@FunctionalInterface
public interface MemoryProbe {
    Long usedMb();

    MemoryProbe NONE = () -> null;
}
