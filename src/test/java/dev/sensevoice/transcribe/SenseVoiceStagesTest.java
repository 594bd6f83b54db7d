package dev.sensevoice.transcribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensevoice.output.OutputFormat;
import dev.sensevoice.transcribe.FileOutcome.Status;
import dev.sensevoice.transcribe.TranscriptionRequest.ModelOptions;
import dev.sensevoice.transcribe.TranscriptionRequest.OutputOptions;
import dev.sensevoice.vad.SegmenterConfig;
import dev.sensevoice.vad.VadMode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The real stages end to end on the random-weight test model: every stage runs, every output is written. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SenseVoiceStagesTest {
    private static final String TEST_MODEL = "src/test/resources/models/test-sherpa";

    @TempDir
    Path dir;

    /** 16-bit mono WAV at 22.05 kHz: a warbling tone (speech-like energy) between silences. */
    private Path wav(String name, double seconds, boolean sound) throws IOException {
        int rate = 22_050;
        int n = (int) (seconds * rate);
        ByteBuffer pcm = ByteBuffer.allocate(n * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate;
            boolean on = sound && t > 0.5 && t < seconds - 0.5;
            double v = on ? 0.3 * Math.sin(2 * Math.PI * (200 + 80 * Math.sin(2 * Math.PI * 3 * t)) * t) : 0;
            pcm.putShort((short) Math.round(v * 32767));
        }
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        Path file = dir.resolve(name);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, n)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
            Files.write(file, out.toByteArray());
        }
        return file;
    }

    private TranscriptionRequest request(List<InputFile> inputs, boolean skipExisting) {
        return TranscriptionRequest.defaults(inputs)
                .withModel(new ModelOptions(Optional.of(TEST_MODEL), "cpu", 1))
                .withSegmentation(SegmenterConfig.defaults().withMode(VadMode.ENERGY))
                .withOutput(new OutputOptions(EnumSet.allOf(OutputFormat.class), Optional.of(dir.resolve("out")),
                        skipExisting));
    }

    @Test
    void transcribesWritesEveryFormatAndSkipsWhatIsUpToDate() throws Exception {
        wav("tone.wav", 3, true);
        wav("quiet.wav", 2, false);
        Files.writeString(dir.resolve("broken.wav"), "not audio at all");
        List<InputFile> inputs = new InputWalker(dir, () -> null).walk(List.of(dir.toString()), false);
        List<String> warnings = new ArrayList<>();

        TranscriptionSummary summary;
        try (Stages stages = new SenseVoiceStages(warnings::add).open(request(inputs, false))) {
            summary = new BatchTranscriber(stages).run(request(inputs, false), TranscriptionListener.NONE);
        }
        assertEquals(List.of(Status.FAILED, Status.OK, Status.OK),
                summary.files().stream().map(FileOutcome::status).toList(), summary.toString());
        assertTrue(summary.files().get(0).error().contains("broken.wav"), summary.files().get(0).error());
        for (String ext : List.of("txt", "json", "srt", "vtt", "csv")) {
            assertTrue(Files.isRegularFile(dir.resolve("out/tone." + ext)), "tone." + ext);
        }
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/tone.json").toFile());
        assertEquals(3.0, json.get("duration_s").asDouble(), 0.01);
        assertEquals("cpu", json.get("model").get("device").asText());
        assertTrue(json.get("stats").get("inference_ms").isNumber());
        JsonNode quiet = new ObjectMapper().readTree(dir.resolve("out/quiet.json").toFile());
        assertEquals(0, quiet.get("segments").size(), "energy VAD finds no speech in silence");
        assertEquals("", quiet.get("text").asText());

        try (Stages stages = new SenseVoiceStages(warnings::add).open(request(inputs, true))) {
            summary = new BatchTranscriber(stages).run(request(inputs, true), TranscriptionListener.NONE);
        }
        assertEquals(List.of(Status.FAILED, Status.SKIPPED, Status.SKIPPED),
                summary.files().stream().map(FileOutcome::status).toList());
    }
}
