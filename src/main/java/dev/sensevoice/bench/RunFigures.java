package dev.sensevoice.bench;

import dev.sensevoice.metrics.FileStats;
import dev.sensevoice.metrics.UsageTrace;
import dev.sensevoice.transcribe.FileOutcome;
import dev.sensevoice.transcribe.TranscriptionSummary;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** What one measured run cost, and how runs of one configuration fold into a {@link BenchRow}. */
record RunFigures(long wallMs, BenchRow.StageMs stageMs, double audioS, long segments,
        TimedRecognizer.Totals model, Long rssPeakMb, Long vramAvgMb, Long vramPeakMb) {

    static RunFigures of(TranscriptionSummary summary, TimedRecognizer.Totals model, UsageTrace rss, UsageTrace vram) {
        List<FileStats> stats = summary.files().stream().map(FileOutcome::stats).filter(Objects::nonNull).toList();
        BenchRow.StageMs stages = new BenchRow.StageMs(sum(stats, FileStats::decodeMs), sum(stats, FileStats::vadMs),
                sum(stats, FileStats::featuresMs), sum(stats, FileStats::inferenceMs), sum(stats, FileStats::postMs));
        double audioS = stats.stream().mapToDouble(s -> s.audioS() == null ? 0 : s.audioS()).sum();
        long segments = summary.files().stream().mapToLong(FileOutcome::segments).sum();
        return new RunFigures(summary.run().wallMs(), stages, audioS, segments, model, rss.peakMb(),
                vram.averageMb(), vram.peakMb());
    }

    /** Medians over the runs (wall time also min and max); memory peaks are the highest seen. */
    static BenchRow row(BenchRunner.Config c, int workers, long loadMs, List<RunFigures> runs) {
        long wall = median(runs, RunFigures::wallMs);
        long session = median(runs, r -> r.model().busyMs());
        double audioS = runs.get(0).audioS();
        BenchRow.StageMs stages = new BenchRow.StageMs(median(runs, r -> r.stageMs().decode()),
                median(runs, r -> r.stageMs().vad()), median(runs, r -> r.stageMs().features()),
                median(runs, r -> r.stageMs().inference()), median(runs, r -> r.stageMs().post()));
        RunFigures last = runs.get(runs.size() - 1);
        return new BenchRow(c.device(), c.threads(), workers, c.batchS(), c.audio().getFileName().toString(),
                audioS, loadMs, stages, session, wall,
                runs.stream().mapToLong(RunFigures::wallMs).min().orElseThrow(),
                runs.stream().mapToLong(RunFigures::wallMs).max().orElseThrow(),
                audioS > 0 ? wall / 1000.0 / audioS : 0, wall > 0 ? audioS / (wall / 1000.0) : 0,
                session > 0 ? wall / (double) session : 0,
                maxOf(runs, RunFigures::rssPeakMb), last.vramAvgMb(), maxOf(runs, RunFigures::vramPeakMb),
                last.segments(), last.model().batches(), last.model().paddingRatio(), runs.size());
    }

    private static long sum(List<FileStats> stats, Function<FileStats, Long> field) {
        return stats.stream().map(field).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
    }

    static long median(List<RunFigures> runs, ToLongFunction<RunFigures> field) {
        long[] values = runs.stream().mapToLong(field).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : Math.round((values[n / 2 - 1] + values[n / 2]) / 2.0);
    }

    private static Long maxOf(List<RunFigures> runs, Function<RunFigures, Long> field) {
        return runs.stream().map(field).filter(Objects::nonNull).max(Long::compare).orElse(null);
    }
}
