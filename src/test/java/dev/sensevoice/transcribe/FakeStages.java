package dev.sensevoice.transcribe;

import dev.sensevoice.audio.SampleSource;
import dev.sensevoice.decode.Recognition;
import dev.sensevoice.decode.TimedToken;
import dev.sensevoice.frontend.Features;
import dev.sensevoice.model.FeatureBatch;
import dev.sensevoice.model.BestPath;
import dev.sensevoice.model.Logits;
import dev.sensevoice.vad.SegmentAudio;
import dev.sensevoice.vad.SpeechSegment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hand-written fakes of every stage. An input file holds a script such as
 * {@code "sil:0.5 alpha:1.2 sil:0.3 kilo:2"}: each word is spoken (a constant amplitude that
 * encodes the word) for that many seconds. The fake model "hears" the word from its segment's own
 * features only, so a correct pipeline must give each file the script's words in order.
 */
final class FakeStages {
    static final List<String> WORDS = List.of("alpha", "bravo", "charlie", "delta", "echo", "kilo",
            "lima", "mike", "konnichiwa", "arigato", "nihao", "boom");
    static final List<String> LANGS = List.of("zh", "en", "yue", "ja", "ko");
    private static final int ROW_AUTO = 0;
    private static final int BLANK = 0;

    final Set<String> failOpen = ConcurrentHashMap.newKeySet();
    final Set<String> upToDate = ConcurrentHashMap.newKeySet();
    final Set<String> failWrite = ConcurrentHashMap.newKeySet();
    final Map<String, FileTranscript> written = new ConcurrentHashMap<>();
    final List<List<Double>> batches = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> reruns = Collections.synchronizedList(new ArrayList<>());
    final Set<String> opened = ConcurrentHashMap.newKeySet();
    volatile boolean quantized;
    volatile int failInferenceAtRun = -1;
    /** Called at the start of every inference run, on the inference worker's thread. */
    volatile FakeHook beforeRun = () -> { };
    /** Called during every inference run with the batch's padded seconds (longest × count). */
    volatile java.util.function.DoubleConsumer whileRunning = padded -> { };
    /** Called with every segment's seconds as its features are computed. */
    volatile java.util.function.DoubleConsumer featured = seconds -> { };
    volatile AudioOpener openHook;

    /** The natural language of a word, and the second most likely one. */
    static String language(String word) {
        return switch (word) {
            case "konnichiwa", "arigato" -> "ja";
            case "nihao" -> "zh";
            default -> "en";
        };
    }

    static String secondLanguage(String word) {
        return word.equals("arigato") ? "zh" : language(word).equals("en") ? "zh" : "en";
    }

    static Path script(Path dir, String name, String script) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, script, StandardCharsets.UTF_8);
        return file;
    }

    Stages stages() {
        return new Stages(this::open, FakeStages::segment, this::featuresOf, new FakeRecognizer(),
                FakeStages::decode, segments -> String.join(" ", segments.stream().map(Recognition::text).toList()),
                new FakeSink());
    }

    private SampleSource open(Path file) throws IOException {
        opened.add(file.getFileName().toString());
        if (openHook != null) {
            openHook.open(file);
        }
        if (failOpen.contains(file.getFileName().toString())) {
            throw new IOException("unsupported audio format");
        }
        String script = Files.readString(file, StandardCharsets.UTF_8);
        return new ScriptSource(script.replace("repeat", ""), script.startsWith("repeat"));
    }

    /** Audio of a script, streamed in small blocks. Amplitude (i + 1) / 100 speaks word i; 0 is silence. */
    static final class ScriptSource implements SampleSource {
        private final List<float[]> runs = new ArrayList<>();
        private final boolean endless;
        private int run;
        private int pos;

        /** {@code endless}: the script repeats forever (a stream that only a cancel stops). */
        ScriptSource(String script, boolean endless) {
            this.endless = endless;
            for (String part : script.trim().split("\\s+")) {
                if (part.isEmpty()) {
                    continue;
                }
                String[] kv = part.split(":");
                float[] samples = new float[(int) Math.round(Double.parseDouble(kv[1]) * SAMPLE_RATE)];
                java.util.Arrays.fill(samples, kv[0].equals("sil") ? 0f : (WORDS.indexOf(kv[0]) + 1) / 100f);
                runs.add(samples);
            }
        }

        @Override
        public int read(float[] buffer, int offset, int length) {
            while (run < runs.size() && pos == runs.get(run).length) {
                run = endless && run == runs.size() - 1 ? 0 : run + 1;
                pos = 0;
            }
            if (run == runs.size()) {
                return -1;
            }
            int n = Math.min(Math.min(length, 1000), runs.get(run).length - pos);
            System.arraycopy(runs.get(run), pos, buffer, offset, n);
            pos += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    /** A streaming "VAD": each stretch of one non-zero amplitude is a segment. */
    static void segment(SampleSource audio, Segmentation.Output out) throws IOException, InterruptedException {
        float[] block = new float[777];
        List<Float> current = new ArrayList<>();
        float level = 0;
        long position = 0;
        long start = 0;
        for (int n = audio.read(block, 0, block.length); n >= 0; n = audio.read(block, 0, block.length)) {
            for (int i = 0; i < n; i++, position++) {
                if (block[i] != level) {
                    emit(current, start, out);
                    level = block[i];
                    start = position;
                }
                if (level != 0) {
                    current.add(level);
                }
            }
        }
        emit(current, start, out);
    }

    private static void emit(List<Float> current, long start, Segmentation.Output out) throws InterruptedException {
        if (current.isEmpty()) {
            return;
        }
        float[] samples = new float[current.size()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = current.get(i);
        }
        current.clear();
        out.accept(new SegmentAudio(new SpeechSegment(start, start + samples.length), samples));
    }

    /** {@link #features}, reporting the segment's seconds to {@link #featured} first. */
    private Features featuresOf(float[] samples) {
        featured.accept(samples.length / (double) SampleSource.SAMPLE_RATE);
        return features(samples);
    }

    /** One 1-dim frame per 960 samples (60 ms): the mean amplitude. */
    static Features features(float[] samples) {
        int frames = Math.max(1, samples.length / 960);
        float[] values = new float[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            int end = Math.min(samples.length, (f + 1) * 960);
            for (int i = f * 960; i < end; i++) {
                sum += samples[i];
            }
            values[f] = (float) (sum / Math.max(1, end - f * 960));
        }
        if (Math.round(values[0] * 100) - 1 == WORDS.indexOf("boom")) {
            throw new IllegalStateException("features exploded");
        }
        return new Features(values, frames, 1);
    }

    /** Vocabulary: 0 blank, 1..WORDS words, then the five language tags. */
    static int wordId(int word) {
        return 1 + word;
    }

    static int langId(String lang) {
        return 1 + WORDS.size() + LANGS.indexOf(lang);
    }

    /** A hook that may throw, so a test can fail an inference run with its reason. */
    interface FakeHook {
        void run();
    }

    static int vocab() {
        return 1 + WORDS.size() + LANGS.size();
    }

    final class FakeRecognizer implements Recognizer {
        @Override
        public List<BestPath> run(FeatureBatch batch) {
            beforeRun.run();
            whileRunning.accept(batch.size() * batch.items().stream().mapToDouble(f -> f.frames() * 0.06).max().orElse(0));
            if (batches.size() == failInferenceAtRun) {
                throw new IllegalStateException("CUDA error: out of memory");
            }
            batches.add(batch.items().stream().map(f -> f.frames() * 0.06).toList());
            if (batch.languageRows()[0] != ROW_AUTO) {
                reruns.add(batch.languageRows()[0]);
            }
            List<BestPath> out = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                out.add(logits(batch.items().get(i), batch.languageRows()[i]).bestPath());
            }
            return out;
        }

        private Logits logits(Features f, int languageRow) {
            int word = Math.round(f.get(0, 0) * 100) - 1;
            String lang = languageRow == ROW_AUTO ? language(WORDS.get(word)) : LANGS.get(languageRow - 100);
            float[] v = new float[(f.frames() + 4) * vocab()];
            v[langId(lang)] = 5;
            v[langId(secondLanguage(WORDS.get(word)))] = Math.max(v[langId(secondLanguage(WORDS.get(word)))], 3);
            for (int t = 1; t < f.frames() + 4; t++) {
                v[t * vocab() + (t < 4 ? BLANK : wordId(Math.round(f.get(t - 4, 0) * 100) - 1))] = 1;
            }
            return new Logits(v, f.frames() + 4, vocab());
        }

        @Override
        public int languageRow(String language) {
            return language.equals("auto") ? ROW_AUTO : 100 + LANGS.indexOf(language);
        }

        @Override
        public int textNormRow(boolean itn) {
            return itn ? 14 : 15;
        }

        @Override
        public boolean quantized() {
            return quantized;
        }

        @Override
        public Map<String, Float> languageScores(BestPath best) {
            Map<String, Float> scores = new HashMap<>();
            for (String l : LANGS) {
                scores.put(l, best.queryScore(0, langId(l)));
            }
            return scores;
        }
    }

    /** CTC greedy over the fake vocabulary: frame 0 gives the language, the rest the words. */
    static Recognition decode(BestPath best, SpeechSegment segment) {
        String lang = LANGS.get(best.tokens()[0] - langId(LANGS.get(0)));
        List<TimedToken> tokens = new ArrayList<>();
        int previous = BLANK;
        for (int t = 4; t < best.frames(); t++) {
            int id = best.tokens()[t];
            if (id != BLANK && id != previous) {
                tokens.add(new TimedToken(WORDS.get(id - 1), segment.startSeconds() + 0.06 * (t - 4)));
            }
            previous = id;
        }
        String text = String.join(" ", tokens.stream().map(TimedToken::text).toList());
        return new Recognition(lang, "NEUTRAL", "Speech", true, text, "<|" + lang + "|>" + text, tokens);
    }

    final class FakeSink implements TranscriptSink {
        @Override
        public void write(FileTranscript transcript) throws IOException {
            if (failWrite.contains(transcript.input().path().getFileName().toString())) {
                throw new IOException("No space left on device");
            }
            written.put(transcript.input().path().getFileName().toString(), transcript);
        }

        @Override
        public boolean upToDate(InputFile input) {
            return upToDate.contains(input.path().getFileName().toString());
        }
    }
}
