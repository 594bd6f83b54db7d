package dev.sensevoice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensevoice.testing.EditDistance;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled trained model through the whole command (decode, VAD, batching, model, decoding,
 * JSON), on the committed held-out recordings: it must say the digits that were spoken, and hear the
 * melody mixed under a quarter of them.
 */
class TrainedModelTranscribeTest {
    private static final Path HELD_OUT = Path.of("src/test/resources/heldout");
    private static final List<String> ENGLISH = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine");
    private static final String HANZI = "零一二三四五六七八九";

    @TempDir
    Path out;

    @Test
    void withItnItWritesTheDigitsAndTheLanguage() throws IOException {
        Score score = transcribe(true);
        assertTrue(score.errorRate() <= 0.02, score.toString());
        assertTrue(score.languageAccuracy() >= 0.98, score.toString());
        assertEquals(score.files, score.eventsRight, score.toString());
    }

    @Test
    void withoutItnItWritesEnglishWordsAndMandarinCharacters() throws IOException {
        Score score = transcribe(false);
        assertTrue(score.errorRate() <= 0.02, score.toString());
        assertTrue(score.languageAccuracy() >= 0.98, score.toString());
        assertEquals(score.files, score.eventsRight, score.toString());
    }

    private Score transcribe(boolean itn) throws IOException {
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = SenseVoiceCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("transcribe", HELD_OUT.toString(), "-f", "json", "-o", out.toString(), "-q",
                "--model", "models/sensevoice-tiny-digits", itn ? "--itn" : "--no-itn");
        assertEquals(0, code, err.toString());
        Score score = new Score();
        for (String row : Files.readAllLines(HELD_OUT.resolve("manifest.csv")).subList(1, 25)) {
            String[] f = row.split(",");
            JsonNode json = new ObjectMapper().readTree(out.resolve(f[0].replace(".wav", ".json")).toFile());
            List<String> expected = units(f[1], f[2], itn);
            score.add(expected, hypothesis(f[1], json.get("text").asText(), itn), f[1].equals(json.get("language").asText()));
            score.addEvent(f[3].equals("yes") ? "BGM" : "Speech", json.get("segments"));
        }
        assertEquals(24, score.files);
        return score;
    }

    private static List<String> units(String language, String digits, boolean itn) {
        List<String> units = new ArrayList<>();
        for (char d : digits.toCharArray()) {
            int v = d - '0';
            units.add(itn ? String.valueOf(d) : language.equals("en") ? ENGLISH.get(v) : String.valueOf(HANZI.charAt(v)));
        }
        return units;
    }

    private static List<String> hypothesis(String language, String text, boolean itn) {
        Pattern unit = Pattern.compile(itn ? "[0-9]" : language.equals("en") ? "[a-z]+" : "\\p{IsHan}");
        List<String> units = new ArrayList<>();
        Matcher m = unit.matcher(text.toLowerCase());
        while (m.find()) {
            units.add(m.group());
        }
        return units;
    }

    private static final class Score {
        int errors;
        int units;
        int files;
        int languagesRight;
        int eventsRight;
        final List<String> eventsWrong = new ArrayList<>();

        void add(List<String> expected, List<String> actual, boolean languageRight) {
            errors += EditDistance.between(expected, actual);
            units += expected.size();
            files++;
            languagesRight += languageRight ? 1 : 0;
        }

        /** Right when some segment carries the event the file was made with (a melody under it: BGM). */
        void addEvent(String wanted, JsonNode segments) {
            List<String> events = new ArrayList<>();
            segments.forEach(segment -> events.add(segment.get("event").asText()));
            if (events.contains(wanted)) {
                eventsRight++;
            } else {
                eventsWrong.add(wanted + " heard as " + events);
            }
        }

        double errorRate() {
            return errors / (double) units;
        }

        double languageAccuracy() {
            return languagesRight / (double) files;
        }

        @Override
        public String toString() {
            return errors + " errors in " + units + " units, language right on " + languagesRight + "/" + files
                    + ", event right on " + eventsRight + "/" + files + (eventsWrong.isEmpty() ? "" : " " + eventsWrong);
        }
    }
}
