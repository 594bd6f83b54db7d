import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Session load time of a model file at ORT's default level (ALL) against its snapshot (the
 * EXTENDED-optimized copy `sensevoice cache warm` writes) opened at NO_OPT and at BASIC: median of
 * N, the three loads alternating. Decides SessionStarter.SNAPSHOT_LEVEL.
 *
 *   java -cp 'target/lib/*' scripts/SnapshotLoadLevels.java MODEL.onnx SNAPSHOT.onnx [N] [THREADS]
 */
public class SnapshotLoadLevels {
    public static void main(String[] args) throws Exception {
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        List<Double> original = new ArrayList<>();
        List<Double> noOpt = new ArrayList<>();
        List<Double> basic = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            original.add(load(args[0], OptLevel.ALL_OPT, threads));
            noOpt.add(load(args[1], OptLevel.NO_OPT, threads));
            basic.add(load(args[1], OptLevel.BASIC_OPT, threads));
        }
        System.out.printf(Locale.ROOT, "original ALL %.2f s, snapshot NO_OPT %.2f s, snapshot BASIC %.2f s (median of %d)%n",
                median(original), median(noOpt), median(basic), n);
    }

    static double load(String path, OptLevel level, int threads) throws Exception {
        long t0 = System.nanoTime();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(level);
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            try (OrtSession session = OrtEnvironment.getEnvironment().createSession(path, options)) {
                return (System.nanoTime() - t0) / 1e9;
            }
        }
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
