package dev.amends.console.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyPagesTest {

    @Test
    void aComplaintIsReplayedWithWhatThePolicyDecidesOn() {
        Map<String, Object> complaint = new HashMap<>();
        complaint.put("category", "DELIVERY");
        complaint.put("fault", "OURS");
        complaint.put("round", 2);
        complaint.put("orderReference", "ORD-1");
        complaint.put("amountAtStake", Map.of("amount", "39.00", "currency", "EUR"));
        complaint.put("triage", Map.of("severity", "HIGH", "overService", true));
        complaint.put("customer", new HashMap<>(Map.of("id", "CUST-1")));

        Map<String, Object> simulated = PolicyPages.asSimulated(complaint);

        assertEquals(Map.of("category", "DELIVERY", "severity", "HIGH", "fault", "OURS", "overService", true,
                "amountAtStake", Map.of("amount", "39.00", "currency", "EUR"), "orderReference", "ORD-1",
                "customerId", "CUST-1", "round", 2), simulated);
    }
}
