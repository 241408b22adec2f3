package dev.amends.console.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceProbeTest {

    private static final String METRICS = """
            # HELP amends_outbox_backlog Events committed but not yet acknowledged by Kafka
            # TYPE amends_outbox_backlog gauge
            amends_outbox_backlog 12.0
            amends_outbox_oldest_unsent_age_seconds 3.5
            amends_promises_total{kind="CALL_BACK",outcome="broken"} 2.0
            amends_promises_total{kind="REFUND",outcome="broken"} 1.0
            amends_promises_total{kind="REFUND",outcome="kept"} 7.0
            """;

    @Test
    void theOutboxFiguresAreReadFromThePrometheusText() {
        Map<String, Double> gauges = ServiceProbe.gauges(METRICS);
        assertEquals(12.0, gauges.get("amends_outbox_backlog"));
        assertEquals(3.5, gauges.get("amends_outbox_oldest_unsent_age_seconds"));
        assertEquals(10.0, gauges.get("amends_promises_total"));
    }

    @Test
    void brokenPromisesAreCountedOverEveryKind() {
        assertEquals(3.0, ServiceProbe.brokenPromises(METRICS));
    }

    @Test
    void aServiceIsStalledWhenNotReadyOrItsOldestUnsentEventWaitedOverTenSeconds() {
        assertEquals(false, new ServiceProbe.ServiceState("s", "u", true, "ready", 0.0, 0.0, 0, null).stalled());
        assertEquals(true, new ServiceProbe.ServiceState("s", "u", true, "ready", 40.0, 11.0, 0, null).stalled());
        assertEquals(true, new ServiceProbe.ServiceState("s", "u", false, "not ready", null, null, 0, null).stalled());
    }
}
