package dev.sensevoice.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UsageTraceTest {
    @Test
    void keepsThePeakAndTheMeanOfTheReadings() throws Exception {
        AtomicLong reading = new AtomicLong(100);
        UsageTrace trace = new UsageTrace(reading::get, 5);
        Thread.sleep(40);
        reading.set(300);
        Thread.sleep(40);
        reading.set(200);
        trace.close();
        assertEquals(300L, trace.peakMb());
        long mean = trace.averageMb();
        assertTrue(mean > 100 && mean < 300, "between the lowest and the highest reading: " + mean);
    }

    @Test
    void aProbeThatCannotMeasureGivesNull() {
        UsageTrace trace = new UsageTrace(MemoryProbe.NONE, 5);
        trace.close();
        assertNull(trace.peakMb());
        assertNull(trace.averageMb());
    }
}
