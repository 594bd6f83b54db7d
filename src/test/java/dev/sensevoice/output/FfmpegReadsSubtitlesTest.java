package dev.sensevoice.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sensevoice.decode.TimedToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Design Part 2: "ffmpeg's readers must read them". Needs ffmpeg on PATH (CI installs it). */
class FfmpegReadsSubtitlesTest {
    @TempDir
    Path folder;

    private record Run(int exit, String out, String err) {
    }

    private static Run ffmpeg(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-v", "error"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("ffmpeg did not finish");
        }
        return new Run(process.exitValue(), out, err.join());
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** SRT has no escapes and players read {@code <...>} as markup, so its odd line holds no angle-bracket pair. */
    private static final String SRT_ODD = "Tom & Jerry, 3 --> 4, 50% \"quoted\", x < y";
    private static final String VTT_ODD = "Tom & Jerry <3 --> 50% \"quoted\" <b>";

    private static Transcript mixed(String oddText) {
        TranscriptSegment odd = new TranscriptSegment(80, 82, oddText, "x", "en",
                "HAPPY", "Laughter", true, List.of(new TimedToken("Tom", 80.1)), List.of());
        return Samples.transcript("a.wav", List.of(Samples.longEnglish(0.5), Samples.longChinese(40), odd,
                Samples.spoken(3700, 0.3, List.of("past", " an", " hour"), "en")));
    }

    private static final java.util.regex.Pattern TIMING =
            java.util.regex.Pattern.compile("^(\\d+:)?\\d\\d:\\d\\d[.,]\\d{3} --> (\\d+:)?\\d\\d:\\d\\d[.,]\\d{3}$");

    private static long arrows(String text) {
        return text.lines().filter(line -> TIMING.matcher(line).matches()).count();
    }

    private Path write(OutputFormat format, Transcript transcript) throws IOException {
        Path file = folder.resolve("x." + format.extension());
        AtomicFile.write(file, out -> format.writer().write(transcript, out));
        return file;
    }

    @Test
    void ffmpegReadsEverySrtCueBackUnchanged() throws Exception {
        Path srt = write(OutputFormat.SRT, mixed(SRT_ODD));
        Run run = ffmpeg("-i", srt.toString(), "-f", "srt", "-");
        assertEquals("", run.err());
        assertEquals(0, run.exit());
        assertEquals(SubtitleCues.of(mixed(SRT_ODD)).size(), arrows(run.out()));
        // ffmpeg's SRT muxer ends the lines inside a cue with CRLF; the text is otherwise the same.
        assertEquals(Files.readString(srt), run.out().replace("\r\n", "\n"));
    }

    @Test
    void ffmpegReadsEveryVttCue() throws Exception {
        Path vtt = write(OutputFormat.VTT, mixed(VTT_ODD));
        Run run = ffmpeg("-i", vtt.toString(), "-f", "webvtt", "-");
        assertEquals("", run.err());
        assertEquals(0, run.exit());
        List<Cue> cues = SubtitleCues.of(mixed(VTT_ODD));
        assertEquals(cues.size(), arrows(run.out()));
        List<String> texts = run.out().lines().skip(1)
                .filter(line -> !line.isEmpty() && !TIMING.matcher(line).matches()).toList();
        assertEquals(cues.stream().flatMap(cue -> cue.lines().stream()).toList(), texts, "text unescaped as written");
    }

    @Test
    void silentInputGivesSubtitlesFfmpegAccepts() throws Exception {
        Transcript silent = Samples.transcript("quiet.wav", List.of());
        assertEquals(0, ffmpeg("-i", write(OutputFormat.VTT, silent).toString(), "-f", "webvtt", "-").exit());
        // An empty SRT cannot be probed; read as SRT it is a valid file with no cues.
        assertEquals(0, ffmpeg("-f", "srt", "-i", write(OutputFormat.SRT, silent).toString(), "-f", "srt", "-").exit());
    }
}
