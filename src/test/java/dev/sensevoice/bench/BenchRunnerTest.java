package dev.sensevoice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sensevoice.metrics.MemoryProbe;
import dev.sensevoice.metrics.RssProbe;
import dev.sensevoice.transcribe.SenseVoiceStages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A tiny grid through the real pipeline on the test model: the table's shape and sane values, no timings. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class BenchRunnerTest {
    private static final String TEST_MODEL = "src/test/resources/models/test-sherpa";

    @TempDir
    Path dir;

    @Test
    void measuresEveryConfigurationOfTheGrid() throws Exception {
        BenchPlan plan = BenchPlan.quick(Optional.of(TEST_MODEL)).withLengths(List.of(4.0, 9.0))
                .withBatchS(List.of(5.0, 30.0)).withDevices(List.of("cpu")).withThreads(List.of(2))
                .withInferenceWorkers(List.of(1, 2));
        List<String> progress = new ArrayList<>();
        List<BenchRow> rows = new BenchRunner(new SenseVoiceStages(w -> { }), new RssProbe(),
                d -> MemoryProbe.NONE, progress::add).run(plan, dir);

        assertEquals(8, rows.size(), "2 lengths x 2 batch sizes x 2 worker counts");
        assertEquals(8, progress.size());
        for (BenchRow r : rows) {
            assertEquals("cpu", r.device());
            assertTrue(r.audioS() > 3.9 && r.audioS() < 9.1, "audio length as asked: " + r.audioS());
            assertTrue(r.segments() >= 1 && r.batches() >= 1, "speech was segmented and batched: " + r);
            assertTrue(r.sessionRunMs() > 0 && r.wallMs() >= r.sessionRunMs(), "model runs inside the wall time: " + r);
            assertTrue(r.paddingRatio() >= 0 && r.paddingRatio() < 1, "padding is a share: " + r.paddingRatio());
            assertTrue(r.throughput() > 0 && Math.abs(r.rtf() * r.throughput() - 1) < 0.01, "rtf = 1 / throughput");
            assertTrue(r.rssPeakMb() != null && r.rssPeakMb() > 10, "RSS measured on Linux");
            assertNull(r.vramPeakMb(), "no VRAM on CPU");
            assertEquals(1, r.runs());
        }
        assertEquals(List.of(1, 1, 1, 1, 2, 2, 2, 2), rows.stream().map(BenchRow::inferenceWorkers).toList());
        for (int i = 0; i < rows.size(); i += 4) { // per worker count: (5 s: 4 s, 9 s), (30 s: 4 s, 9 s)
            assertTrue(rows.get(i + 3).batches() <= rows.get(i + 1).batches(), "bigger batches, fewer of them");
            assertEquals(rows.get(i + 1).segments(), rows.get(i + 3).segments(), "batching does not change segments");
        }

        BenchTable table = new BenchTable(rows);
        String[] lines = table.markdown().split("\n");
        assertEquals(2 + rows.size(), lines.length);
        assertEquals(BenchTable.COLUMNS.size() + 1, lines[2].split("\\|", -1).length - 1);
        JsonNode json = new ObjectMapper().readTree(table.json()).get("rows");
        assertEquals(rows.size(), json.size());
        assertEquals(BenchTable.COLUMNS, iterable(json.get(0)));
        assertTrue(json.get(0).get("vram_peak_mb").isNull());
        String[] csv = table.csv().split("\n");
        assertEquals(String.join(",", BenchTable.COLUMNS), csv[0]);
        assertEquals(rows.size() + 1, csv.length);
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
