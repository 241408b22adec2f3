package dev.amends.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartTest {

    @Test
    void theAxisEndsAtAReadableRoundValue() {
        assertEquals(50, Chart.niceCeiling(37));
        assertEquals(200, Chart.niceCeiling(101));
        assertEquals(1000, Chart.niceCeiling(1000));
    }

    @Test
    void eachSeriesIsALineWithItsLegendAndSecondsWithoutDataAreGaps() {
        String svg = Chart.svg("test", List.of(new Chart.Series("p99", "#c0392b", new double[] {10, Double.NaN, 30})));
        assertTrue(svg.startsWith("<svg"));
        assertTrue(svg.contains("stroke=\"#c0392b\""));
        assertTrue(svg.contains(">p99</text>"));
        assertEquals(1, svg.split(" L").length - 1, "two points joined once, the missing second skipped");
    }
}
