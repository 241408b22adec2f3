package dev.amends.intake.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AmendsTestResource.class)
@TestProfile(HardeningIT.Hardened.class)
class HardeningIT {

    /** A rate limit small enough to reach in a test, and metrics closed to all but ops. */
    public static class Hardened implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("amends.rate-limit.per-minute", "5", "amends.security.metrics", "ops");
        }
    }

    @BeforeAll
    static void signOut() {
        SignedIn.out();
    }

    @Test
    void aClientOverItsLimitIsToldToWaitWhileOthersCarryOn() {
        String busy = Tokens.test().bearer(SignedIn.TENANT, "busy-crm", "crm-client");
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", busy).get("/api/v1/complaints").then().statusCode(200);
        }
        given().header("Authorization", busy).get("/api/v1/complaints").then()
                .statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:amends:problem:rate-limited"))
                .header("Retry-After", Integer::parseInt, greaterThanOrEqualTo(1));

        given().header("Authorization", Tokens.test().bearer(SignedIn.TENANT, "quiet-crm", "crm-client"))
                .get("/api/v1/complaints").then().statusCode(200);
    }

    @Test
    void aClientIsWhoItsTokenProvesNotTheTokenSoAFreshTokenBuysNoFreshAllowance() {
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", Tokens.test().bearer(SignedIn.TENANT, "token-minting-crm", "crm-client"))
                    .get("/api/v1/complaints").then().statusCode(200);
        }
        given().header("Authorization", Tokens.test().bearer(SignedIn.TENANT, "token-minting-crm", "crm-client"))
                .get("/api/v1/complaints").then().statusCode(429);
    }

    @Test
    void credentialsThatDoNotVerifyCountAgainstTheCallersAddressWhateverTheyAre() {
        for (int i = 0; i < 4; i++) {
            given().header("Authorization", "Bearer junk-" + i).get("/api/v1/complaints").then().statusCode(401);
        }
        given().header("X-Api-Key", "amk_made_up").get("/api/v1/complaints").then().statusCode(401);
        // Five made-up credentials later the address has used its allowance: a sixth call is refused.
        given().get("/api/v1/complaints").then().statusCode(429).contentType("application/problem+json");
        // A verified client is not held up by what others sent from the same address.
        given().header("Authorization", Tokens.test().bearer(SignedIn.TENANT, "honest-crm", "crm-client"))
                .get("/api/v1/complaints").then().statusCode(200);
    }

    @Test
    void metricsClosedToOpsRefuseEveryoneElse() {
        given().get("/q/metrics").then().statusCode(401);
        given().header("Authorization", SignedIn.bearer(SignedIn.TENANT, "crm-client")).get("/q/metrics")
                .then().statusCode(403);
        given().header("Authorization", SignedIn.bearer(SignedIn.TENANT, "ops")).get("/q/metrics")
                .then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }
}
