package dev.amends.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Files complaints on a running intake-service the way a CRM does. */
final class Complaints {

    private Complaints() {
    }

    static String file(ServiceProcess intake, String amount) {
        return file(intake, amount, Map.of());
    }

    static String file(ServiceProcess intake, String amount, Map<String, String> headers) {
        return file(intake, amount, headers, "ORD-2026-118");
    }

    static String file(ServiceProcess intake, String amount, Map<String, String> headers, String orderReference) {
        return given().baseUri(intake.baseUri()).contentType(ContentType.JSON).headers(headers)
                .body(complaint(amount, orderReference))
                .when().post("/api/v1/complaints")
                .then().statusCode(201).extract().path("id");
    }

    /** One attempt, as a CRM makes it: the answer, whatever it is. */
    static Response tryToFile(ServiceProcess intake, String amount) {
        return given().baseUri(intake.baseUri()).contentType(ContentType.JSON).body(complaint(amount, "ORD-2026-118"))
                .when().post("/api/v1/complaints");
    }

    private static Map<String, Object> complaint(String amount, String orderReference) {
        return Map.of(
                "customer", Map.of("id", "CUST-" + UUID.randomUUID(), "name", "Ada Lovelace",
                        "email", "ada@example.com", "timeZone", "Europe/London"),
                "receivedVia", "EMAIL",
                "category", "DELIVERY",
                "summary", "Fridge delivered two weeks late",
                "story", "I took two days off work to wait for the fridge and nobody came. Nobody called either.",
                "desiredOutcome", "My delivery fee back",
                "orderReference", orderReference,
                "amountAtStake", Map.of("amount", amount, "currency", "EUR"));
    }

    /** Paces a CRM filing in a loop, so that a fault lands while complaints are still flowing. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> timelineEvents(ServiceProcess intake, String complaintId) {
        return given().baseUri(intake.baseUri()).get("/api/v1/complaints/" + complaintId)
                .then().statusCode(200).extract().path("timeline.event");
    }
}
