package dev.amends.recovery.tenancy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.TestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Another tenant's staff cannot see, decide or settle this tenant's recoveries, and cannot tell they exist. */
@QuarkusTest
@WithTestResource(AmendsTestResource.class)
class TenantIsolationIT {

    private static final String OTHER = SignedIn.staffOf("globex");

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    @Test
    void anotherTenantNeitherSeesNorDecidesNorSettlesThisTenantsRecovery() {
        ComplaintReceived complaint = SampleEvents.complaintReceived(SampleEvents.customer(), Money.of("80", "EUR"));
        TestInfrastructure.shared().kafka().publish(complaint, UUID.randomUUID());
        String escalation = await().atMost(Duration.ofSeconds(30)).until(
                () -> given().get("/api/v1/recoveries/" + complaint.complaintId()).then().extract().jsonPath()
                        .getString("escalation.id"),
                id -> id != null);

        given().header("Authorization", OTHER).get("/api/v1/recoveries/" + complaint.complaintId())
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", OTHER).queryParam("status", "all").get("/api/v1/escalations")
                .then().statusCode(200).body("id", not(hasItem(escalation)));
        given().header("Authorization", OTHER).get("/api/v1/escalations/" + escalation).then().statusCode(404);
        given().header("Authorization", OTHER).contentType(ContentType.JSON).body("{\"approvedBy\": \"intruder\"}")
                .post("/api/v1/escalations/" + escalation + "/approve").then().statusCode(404);
        given().header("Authorization", OTHER).contentType(ContentType.JSON)
                .body("{\"declinedBy\": \"intruder\", \"reason\": \"not ours\"}")
                .post("/api/v1/escalations/" + escalation + "/decline").then().statusCode(404);
        given().header("Authorization", OTHER).contentType(ContentType.JSON).body("{\"kind\": \"ACCOUNT_CREDIT\", \"reference\": \"RF-1\", \"confirmedBy\": \"x\"}")
                .post("/api/v1/recoveries/" + complaint.complaintId() + "/settlements").then().statusCode(404);
        given().header("Authorization", OTHER).get("/api/v1/customers/" + complaint.customerId() + "/make-goods")
                .then().statusCode(200).body("entries", hasSize(0));

        given().get("/api/v1/escalations/" + escalation).then().statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    void eachTenantDecidesByItsOwnPolicyWithItsOwnHistoryAndAuditTrail() {
        String generousTenant = "generous-" + UUID.randomUUID().toString().substring(0, 8);
        String newcomerTenant = "newcomer-" + UUID.randomUUID().toString().substring(0, 8);
        String generous = SignedIn.staffOf(generousTenant);
        String newcomer = SignedIn.staffOf(newcomerTenant);
        String policy = given().header("Authorization", generous).accept("application/yaml").get("/api/v1/policy")
                .then().statusCode(200).extract().asString();
        given().header("Authorization", generous).contentType("application/yaml")
                .body(policy.replace("limit: {EUR: \"50.00\", USD: \"50.00\", GBP: \"45.00\"}",
                        "limit: {EUR: \"75.00\", USD: \"75.00\", GBP: \"65.00\"}").getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/policy").then().statusCode(200).body("version", equalTo(2));

        given().header("Authorization", newcomer).get("/api/v1/policy").then().statusCode(200)
                .body("version", equalTo(1))
                .body("activatedBy", equalTo("amends (shipped default)"))
                .body("document.authority.automatic.limit.EUR", equalTo(50.00f));
        given().header("Authorization", newcomer).get("/api/v1/policy/versions").then().body("version", contains(1));
        given().header("Authorization", newcomer).get("/api/v1/policy/versions/2").then().statusCode(404);
        given().header("Authorization", newcomer).queryParam("subjectType", "policy").get("/api/v1/audit-trail")
                .then().statusCode(200).body("", hasSize(0));
        given().header("Authorization", generous).queryParam("subjectType", "policy").get("/api/v1/audit-trail")
                .then().statusCode(200).body("", hasSize(1)).body("[0].after.version", equalTo(2));
        String simulation = """
                {"complaint": {"category": "DELIVERY", "severity": "MEDIUM", "fault": "COMPANY",
                               "amountAtStake": {"amount": "60.00", "currency": "EUR"}}}
                """;
        given().header("Authorization", newcomer).contentType(ContentType.JSON).body(simulation)
                .post("/api/v1/policy/simulate").then().statusCode(200).body("outcome", equalTo("ESCALATED"));
        given().header("Authorization", generous).contentType(ContentType.JSON).body(simulation)
                .post("/api/v1/policy/simulate").then().statusCode(200).body("outcome", equalTo("GRANTED"))
                .body("policyVersion", equalTo(2));

        ComplaintReceived atGenerous = SampleEvents.complaintReceived(generousTenant, SampleEvents.customer(),
                Money.of("60", "EUR"));
        ComplaintReceived atNewcomer = SampleEvents.complaintReceived(newcomerTenant, SampleEvents.customer(),
                Money.of("60", "EUR"));
        TestInfrastructure.shared().kafka().publish(atGenerous, UUID.randomUUID());
        TestInfrastructure.shared().kafka().publish(atNewcomer, UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().header("Authorization", generous).get("/api/v1/recoveries/" + atGenerous.complaintId())
                    .then().statusCode(200).body("outcome", equalTo("GRANTED")).body("policyVersion", equalTo(2));
            given().header("Authorization", newcomer).get("/api/v1/recoveries/" + atNewcomer.complaintId())
                    .then().statusCode(200).body("outcome", equalTo("ESCALATED")).body("policyVersion", equalTo(1));
        });
    }
}
