package dev.sensevoice.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTest {
    @TempDir
    Path dir;

    @Test
    void rssComesFromProcStatusInMebibytes() throws IOException {
        Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tjava\nVmHWM:\t  2097152 kB\nVmRSS:\t  1048577 kB\n");
        RssProbe probe = new RssProbe(status);
        assertEquals(1025L, probe.usedMb(), "rounded up");
        assertEquals(2048L, probe.peakMb());
        assertNull(new RssProbe(dir.resolve("absent")).usedMb(), "not measurable: null, never 0");
    }

    @Test
    void theRealProcessHasAnRssOnLinux() {
        if (Files.isReadable(Path.of("/proc/self/status"))) {
            assertTrue(new RssProbe().usedMb() > 0);
        }
    }

    @Test
    void nvidiaSmiLinesOfThisProcessAreSummed() {
        String csv = "4242, 1412\n17, 900\n4242, 100\n";
        assertEquals(1512L, NvidiaSmiVramProbe.parse(csv, 4242));
        assertNull(NvidiaSmiVramProbe.parse(csv, 5));
        assertNull(NvidiaSmiVramProbe.parse("No running processes found\n", 5));
        assertNull(NvidiaSmiVramProbe.parse("4242, [N/A]\n", 4242));
    }

    @Test
    void withoutNvidiaSmiTheProbeSaysNull() {
        boolean hasSmi = System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH").split(":"))
                .anyMatch(p -> Files.isExecutable(Path.of(p, "nvidia-smi")));
        if (!hasSmi) {
            assertNull(VramProbe.nvidiaSmi().usedMb());
        }
    }

    @Test
    void aWindowKeepsThePeakSeenWhileOpen() throws Exception {
        AtomicLong rss = new AtomicLong(100);
        try (PeakSampler sampler = new PeakSampler(rss::get, () -> null, 5)) {
            PeakSampler.Window w = sampler.open();
            rss.set(700);
            Thread.sleep(100);
            rss.set(200);
            Thread.sleep(100);
            w.close();
            rss.set(900);
            Thread.sleep(50);
            assertEquals(700L, w.rssPeakMb());
            assertNull(w.vramPeakMb());
        }
    }
}
