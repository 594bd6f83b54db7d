package dev.sensevoice.transcribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sensevoice.model.FeatureBatch;
import dev.sensevoice.model.BestPath;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveStagesTest {
    /** A recognizer that counts how often it was closed. */
    static final class Counting extends StubRecognizer {
        int closed;

        @Override
        public List<BestPath> run(FeatureBatch batch) {
            return List.of();
        }

        @Override
        public void close() {
            closed++;
        }
    }

    private static Stages stages(Counting recognizer) {
        return new Stages(null, null, null, recognizer, null, null, null);
    }

    @Test
    void replacedStagesCloseOnlyWhenTheirLastRunReturnsTheLease() {
        Counting old = new Counting();
        Counting next = new Counting();
        LiveStages live = new LiveStages(stages(old));
        LiveStages.Lease first = live.acquire();
        LiveStages.Lease second = live.acquire();

        live.replace(stages(next));
        assertSame(next, live.acquire().stages().recognizer());
        first.close();
        first.close(); // returning a lease twice counts once
        assertEquals(0, old.closed);
        second.close();
        assertEquals(1, old.closed);
        assertEquals(0, next.closed);
    }

    @Test
    void idleStagesCloseAtOnceWhenReplacedAndTheLastOnesOnClose() {
        Counting old = new Counting();
        Counting next = new Counting();
        LiveStages live = new LiveStages(stages(old));
        live.replace(stages(next));
        assertEquals(1, old.closed);

        live.close();
        assertEquals(1, next.closed);
        assertThrows(IllegalStateException.class, live::acquire);
    }
}
