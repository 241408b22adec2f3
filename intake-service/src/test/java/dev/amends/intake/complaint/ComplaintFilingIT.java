package dev.amends.intake.complaint;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amends.contract.EventCodec;
import dev.amends.contract.EventType;
import dev.amends.contract.Topic;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.complaint.CustomerAsk;
import dev.amends.contract.complaint.WhatWentWrong;
import dev.amends.contract.recovery.Fault;
import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.TestInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AmendsTestResource.class)
class ComplaintFilingIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    private final KafkaTestClient kafka = TestInfrastructure.shared().kafka();

    @Test
    void filingAComplaintAnswers201WithItsLocationAndKeepsTheStoryVerbatim() {
        String id = given().contentType(ContentType.JSON).body(ComplaintRequests.complaint())
                .when().post("/api/v1/complaints")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/complaints/"))
                .body("status", equalTo("RECEIVED"))
                .body("story", equalTo(ComplaintRequests.STORY))
                .body("amountAtStake.amount", equalTo("39.90"))
                .body("timeline.event", hasItems("RECEIVED"))
                .body("timeline[0].stage", equalTo("LISTEN"))
                .extract().path("id");

        given().when().get("/api/v1/complaints/" + id)
                .then().statusCode(200)
                .body("story", equalTo(ComplaintRequests.STORY))
                .body("customer.locale", equalTo("de-DE"));
    }

    @Test
    void aRepeatComplainantIsMarkedForOverServiceWithTheReason() {
        Map<String, Object> request = ComplaintRequests.complaint();
        given().contentType(ContentType.JSON).body(request).post("/api/v1/complaints")
                .then().statusCode(201).body("triage.overService", equalTo(false))
                .body("triage.rootCauses", hasItems("delivery", "fulfilment-delay"));

        request.put("crmReference", "ZD-88214");
        given().contentType(ContentType.JSON).body(request).post("/api/v1/complaints")
                .then().statusCode(201)
                .body("triage.overService", equalTo(true))
                .body("triage.rationale", hasItems(containsString("1 earlier complaint(s) in 12 months")));
    }

    @Test
    void angerInPlainWordsMarksTheComplaintForOverServiceAndTheComplaintShowsWhy() {
        Map<String, Object> request = ComplaintRequests.complaint();
        request.put("story", "This is outrageous, and I am appalled that nobody has even apologised.");
        String id = given().contentType(ContentType.JSON).body(request).post("/api/v1/complaints")
                .then().statusCode(201).body("triage.overService", equalTo(true)).extract().path("id");
        given().get("/api/v1/complaints/" + id).then().statusCode(200)
                .body("triage.rationale", hasItems(startsWith("The customer is outraged (\"outrageous\")"),
                        startsWith("The customer feels ignored (\"nobody has even apologised\")")));
    }

    @Test
    void aFiledComplaintIsAnnouncedAsACloudEventKeyedByTheCustomer() {
        Map<String, Object> request = ComplaintRequests.complaint();
        String customerId = ComplaintRequests.customerId(request);
        String id = given().contentType(ContentType.JSON).header("Authorization", SignedIn.staffOf("acme-retail")).body(request)
                .when().post("/api/v1/complaints")
                .then().statusCode(201).extract().path("id");

        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30)).until(
                () -> kafka.records(Topic.COMPLAINTS.topicName(), r -> customerId.equals(r.key())),
                records -> records.size() == 1).get(0);
        assertEquals("complaint.received.v1", KafkaTestClient.header(record, "ce_type"));
        assertEquals(id, KafkaTestClient.header(record, "ce_subject"));
        assertEquals("intake-service", KafkaTestClient.header(record, "ce_source"));
        assertEquals("acme-retail", KafkaTestClient.header(record, "ce_tenant"));
        UUID.fromString(KafkaTestClient.header(record, "ce_id"));
        ComplaintReceived event = (ComplaintReceived) EventCodec.fromJson(EventType.COMPLAINT_RECEIVED, record.value());
        assertFalse(record.value().contains("Kühlschrank"), "the customer's story stays with intake");
        assertFalse(record.value().contains("ada@example.com"), "contact details travel sealed");
        assertEquals(List.of(CustomerAsk.DELIVERY_FEE_BACK), event.specifics().asked(), "what they asked for travels");
        assertEquals(List.of(WhatWentWrong.LATE), event.specifics().wentWrong());
        assertFalse(event.specifics().genericSummary());
        assertEquals("ada@example.com", SampleEvents.contact("acme-retail", event.customer()).email());
        assertEquals("acme-retail", event.tenant());
        assertEquals(java.util.List.of("delivery", "fulfilment-delay", "staff-responsiveness"),
                event.triage().rootCauses());
        assertEquals(Fault.UNKNOWN, event.fault());
    }

    @Test
    void theFaultTheAgentEstablishedIsKeptAndCarriedToTheRecovery() {
        Map<String, Object> request = new HashMap<>(ComplaintRequests.complaint());
        request.put("fault", "CUSTOMER");
        String customerId = ComplaintRequests.customerId(request);
        String id = given().contentType(ContentType.JSON).body(request).post("/api/v1/complaints")
                .then().statusCode(201).extract().path("id");
        given().get("/api/v1/complaints/" + id).then().body("fault", equalTo("CUSTOMER"));
        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30)).until(
                () -> kafka.records(Topic.COMPLAINTS.topicName(), r -> customerId.equals(r.key())),
                records -> records.size() == 1).get(0);
        assertEquals(Fault.CUSTOMER,
                ((ComplaintReceived) EventCodec.fromJson(EventType.COMPLAINT_RECEIVED, record.value())).fault());
    }

    @Test
    void anInvalidComplaintIsRefusedWithEveryFieldProblemAndNothingIsFiled() {
        long before = QuarkusTransaction.requiringNew().call(() -> Complaint.count());
        Map<String, Object> request = ComplaintRequests.complaint();
        @SuppressWarnings("unchecked")
        Map<String, Object> customer = (Map<String, Object>) request.get("customer");
        customer.remove("email");
        customer.put("id", " ");
        request.put("story", "");
        request.put("amountAtStake", Map.of("amount", "12.345", "currency", "EUR"));

        given().contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/complaints")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", equalTo("urn:amends:problem:validation-failed"))
                .body("errors", hasSize(4))
                .body("errors.field", hasItems("customer.id", "customer.reachable", "story", "amountAtStake.exact"));

        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> Complaint.count()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStoryThatCannotBeKeptExactlyIsRefusedAndNothingIsFiled() throws Exception {
        long before = QuarkusTransaction.requiringNew().call(() -> Complaint.count());
        // As JSON escapes: a client library would not even write an unpaired surrogate.
        for (String story : List.of("It broke\\u0000 twice", "It broke \\ud83d twice", "\\udc00")) {
            Map<String, Object> request = ComplaintRequests.complaint();
            request.put("story", "@story@");
            String body = new ObjectMapper().writeValueAsString(request).replace("@story@", story);
            given().contentType(ContentType.JSON).body(body).post("/api/v1/complaints")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("story"));
        }
        Map<String, Object> nulInName = ComplaintRequests.complaint();
        ((Map<String, Object>) nulInName.get("customer")).put("name", "Ada\u0000");
        given().contentType(ContentType.JSON).body(nulInName).post("/api/v1/complaints")
                .then().statusCode(400).body("errors[0].field", equalTo("customer.name"));
        given().queryParam("since", "+200000-01-01T00:00:00Z").get("/api/v1/complaints")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("since"));
        given().urlEncodingEnabled(false).get("/api/v1/complaints?status=OPEN%00").then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> Complaint.count()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void whatACrmCouldOnlySendByMistakeIsRefused() {
        Map<String, List<Object>> mistakes = Map.of(
                "amountAtStake.amount", List.of(Map.of("amount", "1e3", "currency", "EUR"),
                        Map.of("amount", "+5.00", "currency", "EUR")),
                "amountAtStake.currency", List.of(Map.of("amount", "5.00", "currency", "XXX"),
                        Map.of("amount", "5.00", "currency", "XAU")),
                "occurredAt", List.of("0001-01-01T00:00:00Z", "2099-01-01T00:00:00Z"));
        for (var mistake : mistakes.entrySet()) {
            for (Object value : mistake.getValue()) {
                Map<String, Object> request = ComplaintRequests.complaint();
                request.put(mistake.getKey().contains(".") ? "amountAtStake" : mistake.getKey(), value);
                given().contentType(ContentType.JSON).body(request).post("/api/v1/complaints")
                        .then().statusCode(400).contentType("application/problem+json")
                        .body("errors[0].field", equalTo(mistake.getKey()));
            }
        }
        Map<String, Object> localhost = ComplaintRequests.complaint();
        ((Map<String, Object>) localhost.get("customer")).put("email", "a@localhost");
        given().contentType(ContentType.JSON).body(localhost).post("/api/v1/complaints")
                .then().statusCode(400).body("errors.field", hasItem("customer.email"));
    }

    @Test
    void anUnknownCategoryIsRefusedNamingTheFieldAndTheAllowedValues() {
        Map<String, Object> request = ComplaintRequests.complaint();
        request.put("category", "PARCEL");

        given().contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/complaints")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("category"))
                .body("errors[0].message", containsString("BILLING, DELIVERY, PRODUCT, SERVICE, OTHER"));
    }

    @Test
    void anUnknownCurrencyIsItsOwnKindOfProblem() {
        Map<String, Object> request = ComplaintRequests.complaint();
        request.put("amountAtStake", Map.of("amount", "12.00", "currency", "EUX"));

        given().contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/complaints")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:amends:problem:unknown-currency"))
                .body("errors[0].field", equalTo("amountAtStake.currency"));
    }

    @Test
    void aNegativeAmountIsItsOwnKindOfProblem() {
        Map<String, Object> request = ComplaintRequests.complaint();
        request.put("amountAtStake", Map.of("amount", "-5", "currency", "EUR"));

        given().contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/complaints")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:amends:problem:negative-amount"))
                .body("errors[0].field", equalTo("amountAtStake.amount"));
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedAsAProblem() {
        given().contentType(ContentType.JSON).body("{\"customer\": ")
                .when().post("/api/v1/complaints")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:amends:problem:malformed-json"));
    }

    @Test
    void aBodyInAnotherMediaTypeIsRefusedWith415() {
        given().contentType(ContentType.XML).body("<complaint/>")
                .when().post("/api/v1/complaints")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:amends:problem:unsupported-media-type"));
    }

    @Test
    void anOversizedBodyIsRefusedWith413AndFilesNothing() {
        long before = QuarkusTransaction.requiringNew().call(() -> Complaint.count());
        Map<String, Object> request = ComplaintRequests.complaint();
        request.put("story", "x".repeat(2 * 1024 * 1024));

        given().contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/complaints")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:amends:problem:payload-too-large"));
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> Complaint.count()));
    }

    @Test
    void anUnknownComplaintIsA404Problem() {
        given().when().get("/api/v1/complaints/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Complaint not found"));
        given().when().get("/api/v1/complaints/not-a-uuid")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("instance", endsWith("/not-a-uuid"));
    }

    @Test
    void complaintsReceivedAreCountedByCategoryAndSeverity() {
        given().contentType(ContentType.JSON).body(ComplaintRequests.complaint()).post("/api/v1/complaints")
                .then().statusCode(201);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("amends_complaints_received_total{category=\"DELIVERY\""))
                .body(containsString("amends_outbox_backlog"));
    }

}
