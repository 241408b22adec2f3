package dev.amends.recovery.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.Tokens;
import dev.amends.recovery.decision.Recovery;
import dev.amends.recovery.ledger.LedgerEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AmendsTestResource.class)
class PolicyIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    private static final String SIMULATION = """
            {"complaint": {"category": "DELIVERY", "severity": "MEDIUM", "fault": "COMPANY",
                           "amountAtStake": {"amount": "60.00", "currency": "EUR"}, "customerId": "CUST-sim"}}
            """;

    @AfterEach
    void putTheShippedPolicyBack() {
        given().contentType("application/yaml").body(yaml(Policies.shippedDefault()))
                .put("/api/v1/policy").then().statusCode(200);
    }

    @Test
    void theActivePolicyIsShownWithItsVersionSourceAndDocument() {
        given().get("/api/v1/policy").then().statusCode(200)
                .body("name", equalTo("small-online-shop"))
                .body("active", equalTo(true))
                .body("document.authority.automatic.limit.EUR", equalTo(50.00f))
                .body("document.authority.supervisor.sla", equalTo("PT24H"))
                .body("document.history.window", equalTo("P12M"))
                .body("source", startsWith("# The recovery policy Amends ships with"));
        given().accept("application/yaml").get("/api/v1/policy").then().statusCode(200)
                .body(startsWith("# The recovery policy Amends ships with"));
    }

    @Test
    void aValidPolicyBecomesTheNextVersionAndDecidesFromThenOn() {
        int before = activeVersion();
        String generous = Policies.shippedDefault().replace("limit: {EUR: \"50.00\", USD: \"50.00\", GBP: \"45.00\"}",
                "limit: {EUR: \"75.00\", USD: \"75.00\", GBP: \"65.00\"}");
        given().contentType("application/yaml")
                .header("Authorization", Tokens.test().bearer(SignedIn.TENANT, "head-of-care", "policy-admin"))
                .body(yaml(generous)).put("/api/v1/policy").then().statusCode(200)
                .body("version", equalTo(before + 1))
                .body("activatedBy", equalTo("head-of-care"));
        given().queryParam("subjectType", "policy").queryParam("subjectId", before + 1).get("/api/v1/audit-trail")
                .then().statusCode(200)
                .body("[0].action", equalTo("policy.activated"))
                .body("[0].actor", equalTo("head-of-care"))
                .body("[0].before.version", equalTo(before))
                .body("[0].after.version", equalTo(before + 1));
        given().contentType(ContentType.JSON).body(SIMULATION).post("/api/v1/policy/simulate").then()
                .statusCode(200).body("outcome", equalTo("GRANTED")).body("policyVersion", equalTo(before + 1));

        given().contentType("application/yaml").body(yaml(generous)).put("/api/v1/policy")
                .then().statusCode(200).body("version", equalTo(before + 1));
        given().get("/api/v1/policy/versions").then().statusCode(200)
                .body("version", hasItems(before + 1, before))
                .body("[0].active", equalTo(true));
        given().get("/api/v1/policy/versions/" + before).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void anInvalidPolicyIsRefusedWithEveryProblemAndTheActiveOneKeepsRunning() {
        int before = activeVersion();
        String broken = Policies.shippedDefault()
                .replace("    owner: supervisors\n", "")
                .replace("sla: PT48H", "sla: PT0S");
        given().contentType("application/yaml").body(yaml(broken)).put("/api/v1/policy").then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:amends:problem:policy-invalid"))
                .body("errors.field", hasItems("authority.supervisor.owner", "authority.manager.sla"));
        given().contentType(ContentType.JSON).body("{\"name\": \"json works too\"}").put("/api/v1/policy").then()
                .statusCode(422).body("errors.field", contains("currencies", "authority", "history", "make-goods"));
        assertEquals(before, activeVersion());
    }

    @Test
    void aSimulationDecidesWithoutRecordingAnything() {
        long recoveries = QuarkusTransaction.requiringNew().call(() -> Recovery.count());
        long ledger = QuarkusTransaction.requiringNew().call(() -> LedgerEntry.count());
        given().contentType(ContentType.JSON).body(SIMULATION).post("/api/v1/policy/simulate").then()
                .statusCode(200)
                .body("outcome", equalTo("ESCALATED"))
                .body("draft", equalTo(false))
                .body("escalation.owner", equalTo("supervisors"))
                .body("apology", hasSize(5))
                .body("rationale", hasItem("60.00 EUR is above the automatic authority of 50.00 EUR and within a "
                        + "supervisor's 250.00 EUR."));
        assertEquals(recoveries, (long) QuarkusTransaction.requiringNew().call(() -> Recovery.count()));
        assertEquals(ledger, (long) QuarkusTransaction.requiringNew().call(() -> LedgerEntry.count()));
    }

    @Test
    void aDraftCanBeSimulatedBeforeItIsActivated() {
        String draft = """
                {"complaint": {"category": "DELIVERY", "amountAtStake": {"amount": "60.00", "currency": "EUR"}},
                 "draft": {"name": "draft", "currencies": ["EUR"],
                   "authority": {"automatic": {"limit": {"EUR": "100"}},
                     "supervisor": {"limit": {"EUR": "500"}, "owner": "leads", "sla": "PT8H",
                                    "over-service-owner": "leads", "over-service-sla": "PT2H"},
                     "manager": {"limit": {"EUR": "900"}, "owner": "managers", "sla": "PT24H",
                                 "over-service-owner": "managers", "over-service-sla": "PT4H"}},
                   "history": {"window": "P6M", "automatic-make-goods": 5, "automatic-amount": {"EUR": "300"}},
                   "make-goods": [{"name": "everything", "why": "Make it good.",
                                   "give": [{"kind": "REFUND", "of-stake-percent": 100, "description": "a refund"}]}]}}
                """;
        int before = activeVersion();
        given().contentType(ContentType.JSON).body(draft).post("/api/v1/policy/simulate").then()
                .statusCode(200)
                .body("outcome", equalTo("GRANTED"))
                .body("draft", equalTo(true))
                .body("policyVersion", nullValue())
                .body("rule", equalTo("everything"));
        assertEquals(before, activeVersion());
        given().contentType(ContentType.JSON)
                .body("{\"complaint\": {\"category\": \"DELIVERY\"}, \"draft\": {\"name\": \"half\"}}")
                .post("/api/v1/policy/simulate").then().statusCode(422).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{\"complaint\": {\"amountAtStake\": {\"amount\": \"-1\", \"currency\": \"XXY\"}}}")
                .post("/api/v1/policy/simulate").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("complaint.category", "complaint.amountAtStake.currency",
                        "complaint.amountAtStake.amount"));
    }

    /** As bytes: REST Assured sends those as they are, whatever the content type. */
    private static byte[] yaml(String source) {
        return source.getBytes(StandardCharsets.UTF_8);
    }

    private static int activeVersion() {
        return given().get("/api/v1/policy").then().statusCode(200).extract().path("version");
    }
}
