package dev.sensevoice.audio;

import java.nio.file.Path;
import java.util.Locale;

/** A file that ends before the length its header declares (a cut download or copy). */
final class Truncation {
    /** Shortfalls up to this are tolerated: some writers round the declared size. */
    static final double TOLERANCE_S = 0.1;

    private Truncation() {
    }

    static AudioException failure(Path file, double declaredS, double presentS) {
        return new AudioException(file, String.format(Locale.ROOT,
                "truncated: the header declares %.2f s of audio but the file ends after %.2f s; copy it again, "
                        + "or rewrite it with ffmpeg to transcribe what is there", declaredS, Math.max(0, presentS)));
    }
}
