package dev.sensevoice.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The grid {@code sensevoice bench} measures: every combination of audio, --batch-s, device and
 * threads, each run {@code repeat} times after one warm-up run.
 *
 * @param lengthsS         synthesized speech lengths in seconds (used when {@code audio} is empty)
 * @param audio            recordings to run instead of synthesized speech, one configuration each
 * @param batchS           --batch-s values
 * @param devices          auto, cpu, cuda or cuda:N
 * @param threads          inference thread counts
 * @param inferenceWorkers worker counts to try; empty = the transcribe default for the device
 * @param repeat           measured runs per configuration (median, min, max)
 * @param model            model name or folder; empty = the bundled model
 */
public record BenchPlan(List<Double> lengthsS, List<Path> audio, List<Double> batchS, List<String> devices,
        List<Integer> threads, List<Integer> inferenceWorkers, int repeat, Optional<String> model) {

    public BenchPlan {
        lengthsS = List.copyOf(lengthsS);
        audio = List.copyOf(audio);
        batchS = List.copyOf(batchS);
        devices = List.copyOf(devices);
        threads = List.copyOf(threads);
        inferenceWorkers = List.copyOf(inferenceWorkers);
        check(!batchS.isEmpty() && !devices.isEmpty() && !threads.isEmpty(), "give at least one batch-s, device and threads value");
        check(!lengthsS.isEmpty() || !audio.isEmpty(), "give --lengths or --audio");
        check(repeat >= 1, "repeat (" + repeat + ") must be at least 1");
        check(lengthsS.stream().allMatch(s -> s > 0 && s <= 4 * 3600), "lengths must be between 0 and 4 hours");
        check(threads.stream().allMatch(t -> t >= 1), "threads must be at least 1");
        check(inferenceWorkers.stream().allMatch(w -> w >= 1), "inference workers must be at least 1");
    }

    /** 10 s, 1 min, 3 min and 5 min of speech; batch-s 10, 30, 60; auto device; all cores; 3 runs. */
    public static BenchPlan defaults(Optional<String> model) {
        return new BenchPlan(List.of(10.0, 60.0, 180.0, 300.0), List.of(), List.of(10.0, 30.0, 60.0),
                List.of("auto"), List.of(Runtime.getRuntime().availableProcessors()), List.of(), 3, model);
    }

    /** A grid that finishes in well under two minutes on a small model: 10 and 30 s, batch-s 10 and 30, one run. */
    public static BenchPlan quick(Optional<String> model) {
        return defaults(model).withLengths(List.of(10.0, 30.0)).withBatchS(List.of(10.0, 30.0)).withRepeat(1);
    }

    public BenchPlan withLengths(List<Double> l) {
        return new BenchPlan(l, audio, batchS, devices, threads, inferenceWorkers, repeat, model);
    }

    public BenchPlan withAudio(List<Path> a) {
        return new BenchPlan(lengthsS, a, batchS, devices, threads, inferenceWorkers, repeat, model);
    }

    public BenchPlan withBatchS(List<Double> b) {
        return new BenchPlan(lengthsS, audio, b, devices, threads, inferenceWorkers, repeat, model);
    }

    public BenchPlan withDevices(List<String> d) {
        return new BenchPlan(lengthsS, audio, batchS, d, threads, inferenceWorkers, repeat, model);
    }

    public BenchPlan withThreads(List<Integer> t) {
        return new BenchPlan(lengthsS, audio, batchS, devices, t, inferenceWorkers, repeat, model);
    }

    public BenchPlan withInferenceWorkers(List<Integer> w) {
        return new BenchPlan(lengthsS, audio, batchS, devices, threads, w, repeat, model);
    }

    public BenchPlan withRepeat(int r) {
        return new BenchPlan(lengthsS, audio, batchS, devices, threads, inferenceWorkers, r, model);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
