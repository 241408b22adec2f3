package dev.amends.intake.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.SignedIn;
import dev.amends.intake.complaint.ComplaintRequests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AmendsTestResource.class)
class WebhookDeliveryIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    private static final String SECRET = "whsec-0123456789abcdef0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyStatusChangeArrivesSignedAsACloudEventInOrder() throws Exception {
        String tenant = "brand-" + UUID.randomUUID();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.start();
            register(tenant, receiver.url(), WebhookEvent.types());

            String complaintId = fileAndAskAndAnswer(tenant);

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 3);
            List<JsonNode> events = verifiedEvents(receiver.received());
            assertEquals(List.of("complaint.received", "complaint.question_asked", "complaint.question_answered"),
                    events.stream().map(e -> e.get("type").asText()).toList());
            JsonNode first = events.get(0);
            assertEquals("1.0", first.get("specversion").asText());
            assertEquals(complaintId, first.get("subject").asText());
            assertEquals(complaintId, first.get("data").get("complaintId").asText());
            assertEquals("LISTEN", first.get("data").get("stage").asText());
            assertEquals("application/cloudevents+json; charset=utf-8", receiver.received().get(0).contentType());
        }
    }

    @Test
    void aReceiverThatIsDownForAWhileMissesNothingAndGetsItAllInOrder() throws Exception {
        String tenant = "brand-" + UUID.randomUUID();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String webhookId = register(tenant, receiver.url(), WebhookEvent.types());
            fileAndAskAndAnswer(tenant);

            // While it is down, the failed attempts are visible and the deliveries wait.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().header("Authorization", SignedIn.staffOf(tenant)).get("/api/v1/webhooks/" + webhookId + "/deliveries")
                            .then().statusCode(200)
                            .body("size()", equalTo(3))
                            .body("status", everyItem(equalTo("PENDING")))
                            .body("find { it.eventType == 'complaint.received' }.attempts", greaterThanOrEqualTo(2))
                            .body("find { it.eventType == 'complaint.received' }.lastError",
                                    equalTo("no answer from the receiver"))
                            .body("find { it.eventType == 'complaint.received' }.lastStatusClass", nullValue()));

            receiver.start();

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 3);
            assertEquals(List.of("complaint.received", "complaint.question_asked", "complaint.question_answered"),
                    verifiedEvents(receiver.received()).stream().map(e -> e.get("type").asText()).toList());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().header("Authorization", SignedIn.staffOf(tenant)).get("/api/v1/webhooks/" + webhookId + "/deliveries")
                            .then().body("status", everyItem(equalTo("DELIVERED"))));
        }
    }

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    EntityManager entityManager;

    @Test
    void finishedDeliveriesAreForgottenOnceTheirRetentionIsOver() throws Exception {
        String tenant = "brand-" + UUID.randomUUID();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.start();
            String webhookId = register(tenant, receiver.url(), List.of("complaint.received"));
            given().contentType(ContentType.JSON).header("Authorization", SignedIn.staffOf(tenant))
                    .body(ComplaintRequests.complaint()).post("/api/v1/complaints").then().statusCode(201);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 1);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().header("Authorization", SignedIn.staffOf(tenant)).get("/api/v1/webhooks/" + webhookId + "/deliveries")
                            .then().body("status", everyItem(equalTo("DELIVERED"))).body("size()", equalTo(1)));

            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "update webhook_delivery set created_at = now() - interval '31 days' where subscription_id = ?1")
                    .setParameter(1, UUID.fromString(webhookId)).executeUpdate());
            dispatcher.forgetFinished();

            given().header("Authorization", SignedIn.staffOf(tenant)).get("/api/v1/webhooks/" + webhookId + "/deliveries")
                    .then().body("size()", equalTo(0));
        }
    }

    @Test
    void onlyTheEventTypesAskedForAreDelivered() throws Exception {
        String tenant = "brand-" + UUID.randomUUID();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.start();
            register(tenant, receiver.url(), List.of("complaint.question_answered"));
            fileAndAskAndAnswer(tenant);

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 1);
            assertEquals("complaint.question_answered",
                    verifiedEvents(receiver.received()).get(0).get("type").asText());
        }
    }

    @Test
    void aStoppedWebhookGetsNoFurtherChanges() throws Exception {
        String tenant = "brand-" + UUID.randomUUID();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.start();
            String stopped = register(tenant, receiver.url(), List.of("complaint.received"));
            given().header("Authorization", SignedIn.staffOf(tenant)).delete("/api/v1/webhooks/" + stopped).then().statusCode(204);
            given().header("Authorization", SignedIn.staffOf(tenant)).get("/api/v1/webhooks/" + stopped)
                    .then().body("active", equalTo(false));
            // A second, live webhook shows when the change has been fanned out.
            try (WebhookReceiver live = new WebhookReceiver()) {
                live.start();
                register(tenant, live.url(), List.of("complaint.received"));
                given().contentType(ContentType.JSON).header("Authorization", SignedIn.staffOf(tenant))
                        .body(ComplaintRequests.complaint()).post("/api/v1/complaints").then().statusCode(201);
                await().atMost(Duration.ofSeconds(30)).until(() -> live.received().size() == 1);
            }
            assertEquals(0, receiver.received().size());
            given().header("Authorization", SignedIn.staffOf(tenant)).get("/api/v1/webhooks/" + stopped + "/deliveries")
                    .then().body("size()", equalTo(0));
        }
    }

    @Test
    void stoppingAWebhookCancelsTheDeliveriesStillWaitingSoNoneIsRetried() throws Exception {
        String tenant = "brand-" + UUID.randomUUID();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String webhookId = register(tenant, receiver.url(), List.of("complaint.received"));
            given().contentType(ContentType.JSON).header("Authorization", SignedIn.staffOf(tenant))
                    .body(ComplaintRequests.complaint()).post("/api/v1/complaints").then().statusCode(201);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().header("Authorization", SignedIn.staffOf(tenant)).get("/api/v1/webhooks/" + webhookId + "/deliveries")
                            .then().body("size()", equalTo(1)).body("[0].attempts", greaterThanOrEqualTo(1)));

            given().header("Authorization", SignedIn.staffOf(tenant)).delete("/api/v1/webhooks/" + webhookId)
                    .then().statusCode(204);
            given().header("Authorization", SignedIn.staffOf(tenant)).get("/api/v1/webhooks/" + webhookId + "/deliveries")
                    .then().body("[0].status", equalTo("CANCELLED")).body("[0].nextAttemptAt", nullValue());

            receiver.start();
            int attempts = given().header("Authorization", SignedIn.staffOf(tenant))
                    .get("/api/v1/webhooks/" + webhookId + "/deliveries").then().extract().path("[0].attempts");
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> receiver.received().isEmpty());
            given().header("Authorization", SignedIn.staffOf(tenant)).get("/api/v1/webhooks/" + webhookId + "/deliveries")
                    .then().body("[0].status", equalTo("CANCELLED")).body("[0].attempts", equalTo(attempts));
        }
    }

    @Test
    void anInvalidRegistrationIsRefusedListingEveryProblem() {
        given().contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://crm.example.com", "eventTypes", List.of("complaint.lost"), "secret", "short"))
                .post("/api/v1/webhooks")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("urlUsable", "eventTypesKnown", "secret"));
    }

    @Test
    void anUnreadableDeliveriesLimitIsRefusedAsABadRequest() {
        String tenant = "brand-" + UUID.randomUUID();
        String id = register(tenant, "https://crm.example.com/hook", WebhookEvent.types());
        for (String limit : List.of("abc", "0", "501")) {
            given().header("Authorization", SignedIn.staffOf(tenant)).queryParam("limit", limit)
                    .get("/api/v1/webhooks/" + id + "/deliveries")
                    .then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void anotherTenantsWebhookIsNotFound() {
        String id = register("brand-" + UUID.randomUUID(), "https://crm.example.com/hook", WebhookEvent.types());
        given().header("Authorization", SignedIn.staffOf("brand-" + UUID.randomUUID())).get("/api/v1/webhooks/" + id)
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static String register(String tenant, String url, List<String> types) {
        return given().contentType(ContentType.JSON).header("Authorization", SignedIn.staffOf(tenant))
                .body(Map.of("url", url, "eventTypes", types, "secret", SECRET))
                .post("/api/v1/webhooks")
                .then().statusCode(201).body("url", equalTo(url)).extract().path("id");
    }

    private static String fileAndAskAndAnswer(String tenant) {
        String id = given().contentType(ContentType.JSON).header("Authorization", SignedIn.staffOf(tenant))
                .body(ComplaintRequests.complaint()).post("/api/v1/complaints")
                .then().statusCode(201).extract().path("id");
        String questionId = given().contentType(ContentType.JSON).header("Authorization", SignedIn.staffOf(tenant))
                .body(Map.of("question", "Which delivery slot were you given?", "askedBy", "agent:maria"))
                .post("/api/v1/complaints/" + id + "/questions").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Authorization", SignedIn.staffOf(tenant))
                .body(Map.of("answer", "Tuesday 8-12", "answeredBy", "customer"))
                .post("/api/v1/complaints/" + id + "/questions/" + questionId + "/answer").then().statusCode(200);
        return id;
    }

    /** Checks each signature as a receiver would, then parses the CloudEvent. */
    private static List<JsonNode> verifiedEvents(List<WebhookReceiver.Received> received) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        for (WebhookReceiver.Received delivery : received) {
            Map<String, String> parts = Map.of(
                    "t", delivery.signature().split(",")[0].substring(2),
                    "v1", delivery.signature().split(",")[1].substring(3));
            long timestamp = Long.parseLong(parts.get("t"));
            assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 300, "signature is fresh");
            String expected = HexFormat.of().formatHex(
                    mac.doFinal((timestamp + "." + delivery.body()).getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, parts.get("v1"), "signature matches the body");
        }
        return received.stream().map(r -> {
            try {
                return JSON.readTree(r.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
