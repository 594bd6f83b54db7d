package dev.sensevoice.frontend;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads FunASR's {@code am.mvn} (contract §1.2), a Kaldi nnet text file whose {@code <AddShift>}
 * and {@code <Rescale>} components each carry one {@code <LearnRateCoef> 0 [ v... ]} row: the
 * first row is the negated mean, the second the inverse standard deviation.
 */
public final class AmMvn {
    public static final String FILE_NAME = "am.mvn";

    private AmMvn() {
    }

    public static Cmvn read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new SenseVoiceException(ExitCode.MODEL_START,
                    file + ": cannot read CMVN file (" + e.getMessage() + "); check the model directory", e);
        }
    }

    /** @param source the file the text came from, named in errors */
    public static Cmvn parse(String text, String source) {
        float[] shift = null;
        float[] scale = null;
        String component = null;
        for (String line : text.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("<AddShift>") || trimmed.startsWith("<Rescale>")) {
                component = trimmed.substring(0, trimmed.indexOf('>') + 1);
            } else if (trimmed.startsWith("<LearnRateCoef>") && component != null) {
                float[] row = row(trimmed, component, source);
                if (component.equals("<AddShift>")) {
                    shift = row;
                } else {
                    scale = row;
                }
                component = null;
            }
        }
        return combine(shift, scale, source);
    }

    private static Cmvn combine(float[] shift, float[] scale, String source) {
        if (shift == null || scale == null) {
            throw Cmvn.invalid(source, "no " + (shift == null ? "<AddShift>" : "<Rescale>")
                    + " row found, so this is not a FunASR am.mvn file");
        }
        if (shift.length != scale.length) {
            throw Cmvn.invalid(source, "<AddShift> has " + shift.length + " values but <Rescale> has "
                    + scale.length);
        }
        return new Cmvn(shift, scale);
    }

    /** The numbers between '[' and ']' of a {@code <LearnRateCoef> 0 [ ... ]} line. */
    private static float[] row(String line, String component, String source) {
        int open = line.indexOf('[');
        int close = line.lastIndexOf(']');
        if (open < 0 || close < open) {
            throw Cmvn.invalid(source, component + " row has no [ ... ] vector");
        }
        List<String> tokens = new ArrayList<>();
        for (String t : line.substring(open + 1, close).trim().split("\\s+")) {
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        float[] values = new float[tokens.size()];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = Float.parseFloat(tokens.get(i));
            } catch (NumberFormatException e) {
                throw Cmvn.invalid(source, component + " value " + (i + 1) + " ('" + tokens.get(i)
                        + "') is not a number");
            }
        }
        if (values.length == 0) {
            throw Cmvn.invalid(source, component + " row is empty");
        }
        return values;
    }
}
