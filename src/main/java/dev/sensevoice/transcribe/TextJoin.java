package dev.sensevoice.transcribe;

import dev.sensevoice.decode.Recognition;
import java.util.List;

/** Joins an input's segment texts into its text (one space; none between two CJK characters). */
@FunctionalInterface
public interface TextJoin {
    String join(List<Recognition> segments);
}
