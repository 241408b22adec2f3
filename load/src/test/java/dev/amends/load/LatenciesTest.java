package dev.amends.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankSoEachIsAnObservedValue() {
        List<Double> millis = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            millis.add((double) i);
        }
        Collections.shuffle(millis);
        Latencies latencies = Latencies.of(millis);
        assertEquals(1000, latencies.count());
        assertEquals(500, latencies.p50());
        assertEquals(990, latencies.p99());
        assertEquals(999, latencies.p999());
        assertEquals(1000, latencies.max());
    }

    @Test
    void noValuesGiveNoFiguresRatherThanZeros() {
        assertTrue(Double.isNaN(Latencies.of(List.of()).p99()));
    }
}
