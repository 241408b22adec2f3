package dev.amends.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amends.contract.Service;
import dev.amends.contract.Topic;
import dev.amends.contract.review.ReviewSignature;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.TestInfrastructure;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A customer's personal data through a whole recovery: it stays out of logs, metrics and
 * dead-letter topics; an export shows everything held; an erasure leaves nothing of it in any of
 * the four databases, while the ledger keeps its amounts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonalDataIT {

    private static final String MARK = UUID.randomUUID().toString().substring(0, 8);
    private static final String CUSTOMER_ID = "CUST-" + UUID.randomUUID();
    private static final String NAME = "Erin Quill-" + MARK;
    private static final String EMAIL = "erin." + MARK + "@example.com";
    private static final String PHONE = "+49151" + (Math.floorMod(MARK.hashCode(), 90_000_000) + 10_000_000);
    private static final String STORY = "The washing machine " + MARK + " flooded my kitchen and nobody came back to me.";
    private static final String ORDER = "ORD-" + MARK;

    private static RunningPlatform platform;
    private static String complaintId;

    @BeforeAll
    static void aCustomersWholeRecovery() throws Exception {
        SignedIn.asStaff();
        platform = RunningPlatform.shared();
        ServiceProcess intake = platform.service("intake-service");
        complaintId = given().baseUri(intake.baseUri()).contentType(ContentType.JSON)
                .body(Map.of(
                        "customer", Map.of("id", CUSTOMER_ID, "name", NAME, "email", EMAIL, "phone", PHONE,
                                "timeZone", "Europe/Berlin"),
                        "receivedVia", "EMAIL", "category", "PRODUCT", "summary", "Washing machine leaked",
                        "story", STORY, "desiredOutcome", "A working machine", "orderReference", ORDER,
                        "amountAtStake", Map.of("amount", "30.00", "currency", "EUR")))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().baseUri(intake.baseUri())
                .get("/api/v1/complaints/" + complaintId).then().body("status", equalTo("CUSTOMER_NOTIFIED")));
        given().baseUri(platform.service("notification-service").baseUri()).contentType(ContentType.JSON)
                .body(Map.of("quietFrom", "22:00", "quietUntil", "07:00", "changedBy", "agent-3"))
                .put("/api/v1/customers/{id}/contact-preferences", CUSTOMER_ID).then().statusCode(200);

        ServiceProcess review = platform.service("review-service");
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().baseUri(review.baseUri())
                .get("/api/v1/case-records/" + complaintId).then().statusCode(200));
        byte[] body = new ObjectMapper().writeValueAsBytes(Map.of("platform", "GOOGLE",
                "platformReviewId", "accounts/1/locations/1/reviews/" + MARK, "rating", 2, "authorName", NAME,
                "orderReference", ORDER, "writtenAt", Instant.now().toString(),
                "text", "Machine leaked, took a while to hear back."));
        given().baseUri(review.baseUri()).contentType(ContentType.JSON).header("Amends-Tenant", SignedIn.TENANT)
                .header(ReviewSignature.HEADER,
                        ReviewSignature.header(RunningPlatform.REVIEW_WEBHOOK_SECRET, Instant.now(), body))
                .body(body).post("/api/v1/reviews").then().statusCode(201).body("match.strength", equalTo("STRONG"));
    }

    @Test
    @Order(1)
    void contactDetailsReachOnlyTheServiceThatWritesToTheCustomerAndTheStoryStaysInIntake() throws Exception {
        assertEquals(List.of(), traces(List.of("recovery-service", "review-service"), List.of(EMAIL, PHONE, STORY)));
        assertEquals(List.of(), traces(List.of("notification-service"), List.of(STORY)));
        assertTrue(traces(List.of("notification-service"), List.of(EMAIL)).size() > 0, "notification writes to them");
        List<String> onTopics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            TestInfrastructure.shared().kafka().records(topic.topicName(), r -> CUSTOMER_ID.equals(r.key()))
                    .forEach(r -> List.of(EMAIL, PHONE, STORY).stream().filter(String.valueOf(r.value())::contains)
                            .forEach(value -> onTopics.add(topic.topicName() + " carries " + value)));
        }
        assertEquals(List.of(), onTopics);
    }

    @Test
    @Order(2)
    void noLogLineMetricOrDeadLetterHoldsTheCustomersContactDetailsOrStory() throws Exception {
        List<String> found = new ArrayList<>();
        try (var logs = Files.list(Path.of("target/services/shared"))) {
            for (Path log : logs.toList()) {
                String text = Files.readString(log, StandardCharsets.UTF_8);
                personal().stream().filter(text::contains).forEach(value -> found.add(log.getFileName() + ": " + value));
            }
        }
        for (ServiceProcess service : platform.services()) {
            String metrics = given().baseUri(service.baseUri()).get("/q/metrics").then().statusCode(200)
                    .extract().asString();
            personal().stream().filter(metrics::contains).forEach(value -> found.add(service.name() + " metrics: " + value));
        }
        for (Topic topic : Topic.values()) {
            for (Service consumer : topic.consumers()) {
                TestInfrastructure.shared().kafka().records(topic.deadLetterTopic(consumer),
                        r -> personal().stream().anyMatch(String.valueOf(r.value())::contains))
                        .forEach(r -> found.add(topic.deadLetterTopic(consumer) + ": a record"));
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    @Order(3)
    void anExportShowsWhatEveryServiceHoldsAboutTheCustomer() {
        given().baseUri(platform.service("intake-service").baseUri())
                .get("/api/v1/customers/{id}/data", CUSTOMER_ID).then().statusCode(200)
                .body("customerId", equalTo(CUSTOMER_ID))
                .body("services", hasKey("recovery-service"))
                .body("services['intake-service'].complaints[0].story", equalTo(STORY))
                .body("services['intake-service'].complaints[0].customer.email", equalTo(EMAIL))
                .body("services['recovery-service'].recoveries.complaintId", hasItem(complaintId))
                .body("services['recovery-service'].ledger", hasSize(1))
                .body("services['notification-service'].messages.recipient", hasItem(EMAIL))
                .body("services['notification-service'].contactPreferences[0].changedBy", equalTo("agent-3"))
                .body("services['review-service'].caseRecords[0].customerName", equalTo(NAME))
                .body("services['review-service'].caseRecords[0].caseRecord.complaintId", equalTo(complaintId))
                .body("services['review-service'].reviews", hasSize(1));
    }

    @Test
    @Order(4)
    void anErasedCustomerLeavesNothingPersonalInAnyDatabaseButTheLedgerKeepsItsAmount() throws Exception {
        String pseudonym = given().baseUri(platform.service("intake-service").baseUri())
                .delete("/api/v1/customers/{id}", CUSTOMER_ID).then().statusCode(202).extract().path("pseudonym");

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertEquals(List.of(),
                traces(RunningPlatform.SERVICES, personal())));
        try (Connection db = platform.database("recovery-service");
                PreparedStatement ledger = db.prepareStatement(
                        "select sum(amount) from ledger_entry where customer_id = ? and currency = 'EUR'")) {
            ledger.setString(1, pseudonym);
            try (ResultSet sum = ledger.executeQuery()) {
                assertTrue(sum.next());
                assertEquals(0, sum.getBigDecimal(1).compareTo(new BigDecimal("30.00")));
            }
        }
        given().baseUri(platform.service("intake-service").baseUri())
                .get("/api/v1/customers/{id}/data", CUSTOMER_ID).then().statusCode(200)
                .body("services['intake-service'].complaints", hasSize(0))
                .body("services['review-service'].caseRecords", hasSize(0));
    }

    private static List<String> personal() {
        return List.of(CUSTOMER_ID, NAME, EMAIL, PHONE, STORY);
    }

    /** Which tables of the services' databases hold any of {@code values}. */
    private static List<String> traces(List<String> services, List<String> values) throws Exception {
        List<String> found = new ArrayList<>();
        for (String service : services) {
            try (Connection db = platform.database(service)) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rows = db.getMetaData().getTables(null, "public", "%", new String[] { "TABLE" })) {
                    while (rows.next()) {
                        tables.add(rows.getString("TABLE_NAME"));
                    }
                }
                for (String table : tables) {
                    for (String value : values) {
                        try (PreparedStatement query = db.prepareStatement(
                                "select count(*) from \"" + table + "\" t where t::text like ?")) {
                            query.setString(1, "%" + value.replace("%", "\\%").replace("_", "\\_") + "%");
                            try (ResultSet count = query.executeQuery()) {
                                count.next();
                                if (count.getLong(1) > 0) {
                                    found.add(service + "." + table + " holds " + value);
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
