package dev.amends.recovery.escalation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.EventCodec;
import dev.amends.contract.EventType;
import dev.amends.contract.Money;
import dev.amends.contract.Topic;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.recovery.EscalationDeclined;
import dev.amends.contract.recovery.EscalationExpired;
import dev.amends.contract.recovery.MakeGoodIssued;
import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.TestInfrastructure;
import dev.amends.devkit.Tokens;
import dev.amends.recovery.ledger.LedgerEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AmendsTestResource.class)
class EscalationsIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    /** A supervisor and a manager of the tenant, signed in as themselves. */
    private static final String SUPERVISOR = Tokens.test().bearer(SignedIn.TENANT, "maria.k", "supervisor");
    private static final String MANAGER = Tokens.test().bearer(SignedIn.TENANT, "olu.m", "manager");

    private final KafkaTestClient kafka = TestInfrastructure.shared().kafka();

    @Inject
    EntityManager entityManager;

    @Test
    void anApprovedEscalationIssuesTheProposedMakeGoodOnceAndAnnouncesIt() {
        ComplaintReceived complaint = escalatedComplaint(Money.of("80", "EUR"));
        String id = escalationOf(complaint);
        given().queryParam("status", "open").queryParam("level", "supervisor").get("/api/v1/escalations")
                .then().statusCode(200).body("id", hasItem(id));

        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON)
                .body("{\"note\": \"Long-standing customer\"}")
                .post("/api/v1/escalations/" + id + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("resolvedBy", equalTo("maria.k"));
        given().queryParam("subjectType", "escalation").queryParam("subjectId", id).get("/api/v1/audit-trail")
                .then().statusCode(200).body("", hasSize(1))
                .body("[0].action", equalTo("escalation.approved"))
                .body("[0].before.status", equalTo("OPEN"))
                .body("[0].after.status", equalTo("APPROVED"))
                .body("[0].after.resolvedBy", equalTo("maria.k"));

        given().get("/api/v1/recoveries/" + complaint.complaintId()).then().statusCode(200)
                .body("escalation.status", equalTo("APPROVED"))
                .body("issued", hasSize(1))
                .body("issued[0].value.amount", equalTo("80.00"))
                .body("issued[0].authority", equalTo("SUPERVISOR"))
                .body("issued[0].approvedBy", equalTo("maria.k"));
        MakeGoodIssued issued = (MakeGoodIssued) EventCodec.fromJson(EventType.MAKE_GOOD_ISSUED,
                one(complaint, EventType.MAKE_GOOD_ISSUED).value());
        assertEquals(UUID.fromString(id), issued.escalationId());
        assertEquals("maria.k", issued.approvedBy());

        given().contentType(ContentType.JSON).body("{\"approvedBy\": \"sam.t\"}")
                .post("/api/v1/escalations/" + id + "/approve")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void theApprovalIsRecordedUnderTheSignedInCallerAndATypedNameOnlyAsANote() {
        ComplaintReceived complaint = escalatedComplaint(Money.of("85", "EUR"));
        String id = escalationOf(complaint);
        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON)
                .body("{\"approvedBy\": \"the.ceo\", \"note\": \"Goodwill\"}")
                .post("/api/v1/escalations/" + id + "/approve")
                .then().statusCode(200)
                .body("resolvedBy", equalTo("maria.k"))
                .body("resolution", equalTo("(typed name: the.ceo) Goodwill"));
        given().get("/api/v1/recoveries/" + complaint.complaintId()).then()
                .body("issued[0].approvedBy", equalTo("maria.k"));
        given().queryParam("subjectType", "escalation").queryParam("subjectId", id).get("/api/v1/audit-trail")
                .then().body("[0].actor", equalTo("maria.k")).body("[0].after.resolvedBy", equalTo("maria.k"));
        MakeGoodIssued issued = (MakeGoodIssued) EventCodec.fromJson(EventType.MAKE_GOOD_ISSUED,
                one(complaint, EventType.MAKE_GOOD_ISSUED).value());
        assertEquals("maria.k", issued.approvedBy());
    }

    @Test
    void aManagerLevelEscalationIsAManagersToAnswerWhateverASupervisorOffers() {
        ComplaintReceived complaint = escalatedComplaint(Money.of("400", "EUR"));
        String id = escalationOf(complaint);
        given().get("/api/v1/escalations/" + id).then().body("level", equalTo("MANAGER"));

        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/escalations/" + id + "/approve")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:amends:problem:above-authority"))
                .body("detail", containsString("needs a manager's authority"));
        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON).body("""
                {"makeGoods": [
                  {"kind": "REFUND", "value": {"amount": "1999.00", "currency": "EUR"}, "description": "a refund"}]}
                """)
                .post("/api/v1/escalations/" + id + "/approve").then().statusCode(403);
        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON)
                .body("{\"reason\": \"A supervisor may not close a manager's case.\"}")
                .post("/api/v1/escalations/" + id + "/decline").then().statusCode(403);
        given().get("/api/v1/escalations/" + id).then().body("status", equalTo("OPEN"));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(
                () -> LedgerEntry.count("complaintId", complaint.complaintId())));

        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body("""
                {"makeGoods": [
                  {"kind": "REFUND", "value": {"amount": "2000.01", "currency": "EUR"}, "description": "a refund"}]}
                """)
                .post("/api/v1/escalations/" + id + "/approve").then().statusCode(403)
                .body("detail", containsString("above a manager's authority here (2000.00 EUR)"));
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/escalations/" + id + "/approve")
                .then().statusCode(200).body("resolvedBy", equalTo("olu.m"));
        given().get("/api/v1/recoveries/" + complaint.complaintId()).then()
                .body("issued[0].value.amount", equalTo("400.00"))
                .body("issued[0].authority", equalTo("MANAGER"))
                .body("issued[0].approvedBy", equalTo("olu.m"));
    }

    @Test
    void twoApprovalsAtOnceIssueTheMakeGoodOnce() {
        ComplaintReceived complaint = escalatedComplaint(Money.of("90", "EUR"));
        String id = escalationOf(complaint);
        List<Integer> statuses = List.of(approveAsync(id, "maria.k"), approveAsync(id, "sam.t")).stream()
                .map(CompletableFuture::join).sorted().toList();
        assertEquals(List.of(200, 409), statuses);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(
                () -> LedgerEntry.count("complaintId", complaint.complaintId())));
    }

    @Test
    void anApproverMayAdjustTheMakeGoodWithinTheirOwnAuthorityButNotAbove() {
        ComplaintReceived complaint = escalatedComplaint(Money.of("60", "EUR"));
        String id = escalationOf(complaint);

        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON).body("""
                {"makeGoods": [
                  {"kind": "REFUND", "value": {"amount": "300.00", "currency": "EUR"}, "description": "a full refund"}]}
                """)
                .post("/api/v1/escalations/" + id + "/approve")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:amends:problem:above-authority"))
                .body("detail", containsString("above a supervisor's authority here (250.00 EUR). It needs a "
                        + "manager's authority"));
        given().get("/api/v1/escalations/" + id).then().body("status", equalTo("OPEN"));

        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON).body("""
                {"makeGoods": [
                  {"kind": "REFUND", "value": {"amount": "60.00", "currency": "EUR"}, "description": "a full refund"},
                  {"kind": "ACCOUNT_CREDIT", "value": {"amount": "25", "currency": "EUR"}, "description": "a credit for the trouble"}]}
                """)
                .post("/api/v1/escalations/" + id + "/approve")
                .then().statusCode(200);
        given().get("/api/v1/recoveries/" + complaint.complaintId()).then()
                .body("issued", hasSize(2))
                .body("issued.kind", equalTo(List.of("REFUND", "ACCOUNT_CREDIT")));
    }

    @Test
    void aDeclineKeepsTheReasonIssuesNothingAndStillTellsTheCustomer() {
        ComplaintReceived complaint = escalatedComplaint(Money.of("70", "EUR"));
        String id = escalationOf(complaint);
        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON)
                .body("{\"reason\": \"The parcel was signed for; we asked the carrier to trace it.\"}")
                .post("/api/v1/escalations/" + id + "/decline")
                .then().statusCode(200).body("status", equalTo("DECLINED")).body("resolvedBy", equalTo("maria.k"))
                .body("resolution", equalTo("The parcel was signed for; we asked the carrier to trace it."));

        EscalationDeclined declined = (EscalationDeclined) EventCodec.fromJson(EventType.ESCALATION_DECLINED,
                one(complaint, EventType.ESCALATION_DECLINED).value());
        assertTrue(declined.reason().startsWith("The parcel was signed for"));
        assertEquals(complaint.customer(), declined.customer());
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(
                () -> LedgerEntry.count("complaintId", complaint.complaintId())));
    }

    @Test
    void aMissedDeadlineMovesTheEscalationUpALevelWithANewOwnerAndDeadline() {
        ComplaintReceived complaint = escalatedComplaint(Money.of("75", "EUR"));
        String id = escalationOf(complaint);
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update escalation set due_at = ?1 where id = ?2")
                .setParameter(1, Instant.now().minusSeconds(1))
                .setParameter(2, UUID.fromString(id))
                .executeUpdate());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/escalations/" + id).then()
                        .body("level", equalTo("MANAGER"))
                        .body("owner", equalTo("customer-care-managers"))
                        .body("expiries", equalTo(1))
                        .body("status", equalTo("OPEN")));
        EscalationExpired expired = (EscalationExpired) EventCodec.fromJson(EventType.ESCALATION_EXPIRED,
                one(complaint, EventType.ESCALATION_EXPIRED).value());
        assertEquals("supervisors", expired.expiredOwner());
        assertEquals("customer-care-managers", expired.escalation().owner());
        assertTrue(expired.escalation().dueAt().isAfter(Instant.now().plus(Duration.ofHours(47))));
    }

    @Test
    void theQueueListsTheOldestDeadlineFirst() {
        escalationOf(escalatedComplaint(Money.of("400", "EUR")));
        escalationOf(escalatedComplaint(Money.of("65", "EUR")));
        List<String> dueDates = given().get("/api/v1/escalations")
                .then().statusCode(200).extract().jsonPath().getList("dueAt", String.class);
        assertTrue(dueDates.size() >= 2, dueDates.toString());
        assertEquals(dueDates.stream().map(Instant::parse).sorted().toList(),
                dueDates.stream().map(Instant::parse).toList());
    }

    @Test
    void theQueueIsPagedOnTheServerWithItsTrueTotalAndPutsTheAskedLevelFirst() {
        escalationOf(escalatedComplaint(Money.of("400", "EUR")));
        escalationOf(escalatedComplaint(Money.of("65", "EUR")));
        io.restassured.response.Response whole = given().queryParam("limit", "500").get("/api/v1/escalations");
        List<String> ids = whole.jsonPath().getList("id", String.class);
        long total = Long.parseLong(whole.header("X-Total-Count"));
        assertEquals(ids.size(), total);

        io.restassured.response.Response second = given().queryParam("limit", "1").queryParam("offset", "1")
                .get("/api/v1/escalations");
        assertEquals(String.valueOf(total), second.header("X-Total-Count"), "the total, whichever page");
        assertEquals(List.of(ids.get(1)), second.jsonPath().getList("id", String.class));

        List<String> levels = given().queryParam("first", "MANAGER").queryParam("limit", "500")
                .get("/api/v1/escalations").jsonPath().getList("level", String.class);
        int lastManager = levels.lastIndexOf("MANAGER");
        int firstSupervisor = levels.indexOf("SUPERVISOR");
        assertTrue(lastManager >= 0 && firstSupervisor > lastManager, levels.toString());

        String owner = whole.jsonPath().getString("[0].owner");
        io.restassured.response.Response owned = given().queryParam("owner", owner).queryParam("limit", "500")
                .get("/api/v1/escalations");
        assertTrue(owned.jsonPath().getList("owner", String.class).stream().allMatch(owner::equals));
        assertEquals(String.valueOf(owned.jsonPath().getList("id").size()), owned.header("X-Total-Count"));

        given().queryParam("offset", "-1").get("/api/v1/escalations").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("offset"));
        given().queryParam("first", "AUTOMATIC").get("/api/v1/escalations").then().statusCode(400)
                .body("errors.field", hasItem("first"));
    }

    @Test
    void badAnswersAreProblemsThatChangeNothing() {
        given().contentType(ContentType.JSON).body("{\"approvedBy\": \"" + "x".repeat(201) + "\"}")
                .post("/api/v1/escalations/" + UUID.randomUUID() + "/approve")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("approvedBy"));
        given().contentType(ContentType.JSON).body("{\"declinedBy\": \"maria.k\", \"reason\": \"no\"}")
                .post("/api/v1/escalations/" + UUID.randomUUID() + "/decline")
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("status", "pending").get("/api/v1/escalations")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private CompletableFuture<Integer> approveAsync(String id, String approver) {
        return CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                .body("{\"approvedBy\": \"" + approver + "\"}")
                .post("/api/v1/escalations/" + id + "/approve").statusCode());
    }

    private ComplaintReceived escalatedComplaint(Money atStake) {
        ComplaintReceived complaint = SampleEvents.complaintReceived(SampleEvents.customer(), atStake);
        kafka.publish(complaint, UUID.randomUUID());
        return complaint;
    }

    private static String escalationOf(ComplaintReceived complaint) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> given().get("/api/v1/recoveries/" + complaint.complaintId()).then().extract().jsonPath()
                        .getString("escalation.id"),
                id -> id != null);
    }

    private ConsumerRecord<String, String> one(ComplaintReceived complaint, EventType type) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> kafka.records(Topic.RECOVERIES.topicName(), r -> complaint.customerId().equals(r.key())
                        && type.ceType().equals(KafkaTestClient.header(r, "ce_type"))),
                r -> r.size() == 1).get(0);
    }
}
