package dev.sensevoice.audio;

import static dev.sensevoice.audio.AudioFixtures.ffmpeg;
import static dev.sensevoice.audio.AudioFixtures.goertzel;
import static dev.sensevoice.audio.AudioFixtures.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Formats only ffmpeg reads. These tests need ffmpeg on PATH (CI installs it). */
class FfmpegSourceTest {
    private static final String THREE_SECONDS = "sine=f=440:r=44100:d=3";

    @TempDir
    Path dir;

    private final AudioDecoder decoder = AudioDecoder.withFfmpegOnPath();

    @BeforeAll
    static void needsFfmpeg() {
        assertTrue(AudioDecoder.withFfmpegOnPath().hasFfmpeg(),
                "these tests need ffmpeg on PATH (apt-get install ffmpeg)");
    }

    @ParameterizedTest(name = ".{0}")
    @CsvSource({"mp3, libmp3lame", "ogg, libvorbis", "m4a, aac", "opus, libopus", "webm, libopus", "aac, aac"})
    void decodesCompressedFormatsAtTheRightDurationAndPitch(String extension, String codec) throws Exception {
        Path file = ffmpeg(dir.resolve("tone." + extension), THREE_SECONDS, "-ac", "2", "-c:a", codec);
        float[] samples;
        try (SampleSource source = decoder.open(file)) {
            samples = readAll(source, 4096);
        }
        assertEquals(3.0, samples.length / 16000.0, 0.1, "duration in seconds");
        double at440 = goertzel(samples, 0, samples.length, 440, 16000);
        assertTrue(at440 > 100 * goertzel(samples, 0, samples.length, 660, 16000), "a 440 Hz tone");
        Double probed = decoder.probe(file).durationSeconds();
        assertTrue(probed == null || Math.abs(probed - 3.0) < 0.1, "probed " + probed);
    }

    @Test
    void probesPreciseDurationOfCommonFormats() throws Exception {
        for (String extension : new String[] {"mp3", "ogg", "m4a"}) {
            Path file = ffmpeg(dir.resolve("p." + extension), THREE_SECONDS);
            AudioInfo info = decoder.probe(file);
            assertEquals(3.0, info.durationSeconds(), 0.1, extension);
            assertEquals(44100, info.sampleRate(), extension);
        }
    }

    @Test
    void stereoBecomesTheAverageOfItsChannels() throws Exception {
        // Left and right in phase: the average equals each channel, a sum would double it.
        Path file = ffmpeg(dir.resolve("stereo.ogg"), "aevalsrc=0.4*sin(2*PI*440*t)|0.4*sin(2*PI*440*t):s=16000:d=2");
        float[] samples;
        try (SampleSource source = decoder.open(file)) {
            samples = readAll(source, 4096);
        }
        double amplitude = 2 * Math.sqrt(goertzel(samples, 0, samples.length, 440, 16000));
        assertEquals(0.4, amplitude, 0.02);
    }

    @Test
    void handlesAnyFileName() throws Exception {
        Path generated = ffmpeg(dir.resolve("plain.mp3"), "sine=f=440:r=22050:d=1.5");
        for (String name : new String[] {"it's a \"quoted\" $HOME `x` & name;.mp3", "-i starts with dash.mp3",
            "ünïcødé 音声 файл.mp3", "colon:in:name.mp3"}) {
            Path file = Files.copy(generated, dir.resolve(name));
            try (SampleSource source = decoder.open(file)) {
                assertEquals(1.5, readAll(source, 4096).length / 16000.0, 0.1, name);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pcm_mulaw, μ-law", "adpcm_ms, MS ADPCM", "adpcm_ima_wav, IMA ADPCM"})
    void wavEncodingsJavaCannotReadGoThroughFfmpeg(String codec, String name) throws Exception {
        Path wav = ffmpeg(dir.resolve(codec + ".wav"), "sine=f=440:r=8000:d=2", "-c:a", codec);
        try (SampleSource source = decoder.open(wav)) {
            assertEquals(2.0, readAll(source, 4096).length / 16000.0, 0.05);
        }
        AudioException e = assertThrows(AudioException.class,
                () -> new AudioDecoder(FfmpegLocator.none()).open(wav));
        assertEquals(wav + ": unsupported WAV encoding " + name + "; install ffmpeg to read it", e.getMessage());
    }

    @Test
    void reportsFfmpegsFirstErrorLine() throws Exception {
        Path corrupt = Files.writeString(dir.resolve("corrupt.ogg"), "OggS and then nothing useful");
        AudioException e = assertThrows(AudioException.class, () -> decoder.open(corrupt));
        assertEquals(corrupt + ": ffmpeg failed (exit 1): End of file", e.getMessage());

        Path video = ffmpeg(dir.resolve("silent-film.mp4"), "testsrc=d=1", "-c:v", "mpeg4");
        e = assertThrows(AudioException.class, () -> decoder.open(video));
        assertEquals(video + ": ffmpeg failed (exit 1): Stream map '0:a:0' matches no streams.", e.getMessage());

        Path m4a = ffmpeg(dir.resolve("whole.m4a"), "sine=f=440:d=2");
        Path cut = Files.write(dir.resolve("cut.m4a"), java.util.Arrays.copyOf(Files.readAllBytes(m4a), 3000));
        e = assertThrows(AudioException.class, () -> decoder.open(cut));
        assertEquals(cut + ": ffmpeg failed (exit 1): moov atom not found", e.getMessage(), "without ffmpeg's demuxer tag");
    }

    @Test
    void contentNobodyRecognisesIsNotAudio() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello, this is plain text\n");
        AudioException e = assertThrows(AudioException.class, () -> decoder.open(text));
        assertEquals(text + ": not an audio file (ffmpeg failed (exit 1): Invalid data found when processing input)",
                e.getMessage());
    }

    @Test
    void closeStopsFfmpeg() throws Exception {
        Path longFile = ffmpeg(dir.resolve("long.ogg"), "sine=f=440:r=16000:d=120");
        try (SampleSource source = decoder.open(longFile)) {
            assertEquals(100, source.read(new float[100], 0, 100));
            assertTrue(ffmpegChildren() > 0, "ffmpeg runs while the source is open");
        }
        assertEquals(0, ffmpegChildren(), "ffmpeg is gone after close");
    }

    private static long ffmpegChildren() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("ffmpeg")).orElse(false)).count();
    }
}
