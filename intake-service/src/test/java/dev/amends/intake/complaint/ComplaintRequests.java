package dev.amends.intake.complaint;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Request bodies as a CRM would send them; tests change one field at a time. */
public final class ComplaintRequests {

    public static final String STORY = "Der Kühlschrank kam zwei Wochen zu spät 🙁\n"
            + "I took two days off work to wait for it and nobody came.  Nobody called either.\t(ticket #4411)";

    private ComplaintRequests() {
    }

    public static Map<String, Object> complaint() {
        Map<String, Object> customer = new HashMap<>();
        customer.put("id", "CUST-" + UUID.randomUUID());
        customer.put("name", "Ada Lovelace");
        customer.put("email", "ada@example.com");
        customer.put("timeZone", "Europe/Berlin");
        customer.put("locale", "de-DE");
        Map<String, Object> body = new HashMap<>();
        body.put("customer", customer);
        body.put("receivedVia", "EMAIL");
        body.put("category", "DELIVERY");
        body.put("summary", "Fridge delivered two weeks late");
        body.put("story", STORY);
        body.put("desiredOutcome", "My delivery fee back");
        body.put("orderReference", "ORD-2026-118");
        body.put("amountAtStake", Map.of("amount", "39.90", "currency", "EUR"));
        body.put("crmReference", "ZD-88213");
        return body;
    }

    @SuppressWarnings("unchecked")
    public static String customerId(Map<String, Object> complaint) {
        return (String) ((Map<String, Object>) complaint.get("customer")).get("id");
    }
}
