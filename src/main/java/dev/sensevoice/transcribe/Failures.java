package dev.sensevoice.transcribe;

import dev.sensevoice.SenseVoiceException;
import dev.sensevoice.audio.AudioException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns a stage's exception into the short reason shown after an input's name. */
final class Failures {
    private Failures() {
    }

    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return "not found; check the path";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied; check the file's permissions";
        }
        if (e instanceof AudioException audio) {
            return audio.reason(); // the line already starts with the input's name
        }
        if (e instanceof SenseVoiceException) {
            return e.getMessage();
        }
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : message.lines().findFirst().orElse(kind);
    }
}
