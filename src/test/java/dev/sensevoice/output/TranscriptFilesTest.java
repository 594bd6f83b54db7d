package dev.sensevoice.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import dev.sensevoice.transcribe.InputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptFilesTest {
    private static final ModelStamp OTHER_MODEL = new ModelStamp("sensevoice-small", "model.int8.onnx", "abc123", "cpu");
    private static final Set<OutputFormat> WITH_JSON = EnumSet.of(OutputFormat.TXT, OutputFormat.JSON, OutputFormat.SRT);
    private static final Set<OutputFormat> WITHOUT_JSON = EnumSet.of(OutputFormat.TXT, OutputFormat.VTT);

    @TempDir
    Path folder;

    private InputFile input() {
        return InputFile.named(folder.resolve("talk.wav"));
    }

    private TranscriptFiles files(Set<OutputFormat> formats) {
        return new TranscriptFiles(OutputLayout.plan(List.of(input()), formats, null));
    }

    private static Transcript transcript() {
        return Samples.transcript("talk.wav", List.of(Samples.designSegment()));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesEveryFormatAndTheRecord() throws IOException {
        List<Path> written = files(WITH_JSON).write(input(), transcript());
        assertEquals(List.of("talk.json", "talk.srt", "talk.txt"), names());
        assertEquals(folder.resolve("talk.json"), written.get(written.size() - 1), "JSON, the record, comes last");
        assertEquals("Good morning everyone.\n", Files.readString(folder.resolve("talk.txt")));
        files(WITHOUT_JSON).write(input(), transcript());
        assertTrue(names().contains(".talk.sensevoice.json"));
    }

    @Test
    void upToDateWithTheSameModelAndOptions() throws IOException {
        for (Set<OutputFormat> formats : List.of(WITH_JSON, WITHOUT_JSON)) {
            TranscriptFiles files = files(formats);
            assertFalse(files.upToDate(input(), Samples.MODEL, Samples.OPTIONS), "nothing written yet");
            files.write(input(), transcript());
            assertTrue(files.upToDate(input(), Samples.MODEL, Samples.OPTIONS), formats.toString());
        }
    }

    @Test
    void anotherModelIsNotUpToDate() throws IOException {
        for (Set<OutputFormat> formats : List.of(WITH_JSON, WITHOUT_JSON)) {
            TranscriptFiles files = files(formats);
            files.write(input(), transcript());
            assertFalse(files.upToDate(input(), OTHER_MODEL, Samples.OPTIONS), formats.toString());
            ModelStamp sameWeightsElsewhere = new ModelStamp("copy", "renamed.onnx", Samples.MODEL.sha256(), "cuda:0");
            assertTrue(files.upToDate(input(), sameWeightsElsewhere, Samples.OPTIONS), "only the weights matter");
        }
    }

    @Test
    void anyChangedOptionIsNotUpToDate() throws IOException {
        TranscriptOptions d = Samples.OPTIONS;
        List<TranscriptOptions> changed = List.of(
                new TranscriptOptions("en", d.itn(), d.vad(), d.batchS(), d.tags(), d.maxSegmentS(), d.mergeS(), d.allowedLangs()),
                new TranscriptOptions(d.lang(), false, d.vad(), d.batchS(), d.tags(), d.maxSegmentS(), d.mergeS(), d.allowedLangs()),
                new TranscriptOptions(d.lang(), d.itn(), "energy", d.batchS(), d.tags(), d.maxSegmentS(), d.mergeS(), d.allowedLangs()),
                new TranscriptOptions(d.lang(), d.itn(), d.vad(), 60, d.tags(), d.maxSegmentS(), d.mergeS(), d.allowedLangs()),
                new TranscriptOptions(d.lang(), d.itn(), d.vad(), d.batchS(), "emoji", d.maxSegmentS(), d.mergeS(), d.allowedLangs()),
                new TranscriptOptions(d.lang(), d.itn(), d.vad(), d.batchS(), d.tags(), 20, d.mergeS(), d.allowedLangs()),
                new TranscriptOptions(d.lang(), d.itn(), d.vad(), d.batchS(), d.tags(), d.maxSegmentS(), 0, d.allowedLangs()),
                new TranscriptOptions(d.lang(), d.itn(), d.vad(), d.batchS(), d.tags(), d.maxSegmentS(), d.mergeS(), List.of("zh", "en")));
        for (Set<OutputFormat> formats : List.of(WITH_JSON, WITHOUT_JSON)) {
            TranscriptFiles files = files(formats);
            files.write(input(), transcript());
            for (TranscriptOptions options : changed) {
                assertFalse(files.upToDate(input(), Samples.MODEL, options), options + " " + formats);
            }
        }
    }

    @Test
    void aMissingOutputIsNotUpToDate() throws IOException {
        TranscriptFiles files = files(WITH_JSON);
        files.write(input(), transcript());
        Files.delete(folder.resolve("talk.srt"));
        assertFalse(files.upToDate(input(), Samples.MODEL, Samples.OPTIONS));
    }

    @Test
    void moreFormatsThanLastTimeAreNotUpToDate() throws IOException {
        files(EnumSet.of(OutputFormat.TXT)).write(input(), transcript());
        assertTrue(files(EnumSet.of(OutputFormat.TXT)).upToDate(input(), Samples.MODEL, Samples.OPTIONS));
        assertFalse(files(WITHOUT_JSON).upToDate(input(), Samples.MODEL, Samples.OPTIONS));
    }

    @Test
    void aDamagedRecordIsNotUpToDate() throws IOException {
        TranscriptFiles files = files(WITH_JSON);
        files.write(input(), transcript());
        Files.writeString(folder.resolve("talk.json"), "{\"file\": \"talk.wav\", \"segm");
        assertFalse(files.upToDate(input(), Samples.MODEL, Samples.OPTIONS));
    }

    @Test
    void aSetInterruptedHalfWayLeavesNoRecord() throws IOException {
        TranscriptFiles files = files(WITH_JSON);
        files.write(input(), transcript());
        // The SRT target cannot be replaced (a non-empty folder is in the way): the rewrite fails after the TXT.
        Files.delete(folder.resolve("talk.srt"));
        Files.createDirectories(folder.resolve("talk.srt/blocker"));
        SenseVoiceException error = assertThrows(SenseVoiceException.class, () -> files.write(input(), transcript()));
        assertEquals(ExitCode.SOME_FAILED, error.exitCode());
        assertTrue(error.getMessage().startsWith(input().shownAs() + ": cannot write " + folder.resolve("talk.srt")),
                error.getMessage());
        assertFalse(Files.exists(folder.resolve("talk.json")), "the old record went first");
        assertFalse(files.upToDate(input(), Samples.MODEL, Samples.OPTIONS));
        assertEquals(List.of("talk.srt", "talk.txt"), names(), "no temporary file left");
    }

    @Test
    void writingRemovesLeftoversOfKilledRunsInTheOutputFolder() throws IOException {
        Process finished = new ProcessBuilder("true").start();
        String ours = AtomicFile.tempName("talk.json");
        String dead = ours.replace("." + ProcessHandle.current().pid() + "-", "." + finished.pid() + "-");
        try {
            finished.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.writeString(folder.resolve(dead), "half");
        files(WITH_JSON).write(input(), transcript());
        assertEquals(List.of("talk.json", "talk.srt", "talk.txt"), names());
    }
}
