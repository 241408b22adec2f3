package dev.amends.intake.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Only tokens our identity provider signed, for us, still valid and naming a tenant, get in. */
@QuarkusTest
@WithTestResource(AmendsTestResource.class)
class BearerTokensIT {

    @BeforeAll
    static void signOut() {
        SignedIn.out();
    }

    @Test
    void aValidTokenGetsIn() {
        given().header("Authorization", SignedIn.bearer(SignedIn.TENANT, "crm-client")).get("/api/v1/complaints")
                .then().statusCode(200);
    }

    @Test
    void anExpiredTokenIsRefusedWith401() {
        String expired = Tokens.test().sign(SignedIn.TENANT, "old", Duration.ofMinutes(-5), "crm-client");
        given().header("Authorization", "Bearer " + expired).get("/api/v1/complaints")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("type", equalTo("urn:amends:problem:unauthenticated"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedWith401() throws Exception {
        Tokens forger = Tokens.keptIn(Files.createTempDirectory("amends-forger"));
        given().header("Authorization", forger.bearer(SignedIn.TENANT, "forger", "crm-client", "policy-admin"))
                .get("/api/v1/complaints").then().statusCode(401);
    }

    @Test
    void aTokenIssuedForAnotherAudienceOrForNoneIsRefusedWith401() {
        for (String audience : new String[] { "billing-portal", null }) {
            String token = Tokens.test().signFor(audience, SignedIn.TENANT, "elsewhere", Duration.ofHours(1), "crm-client");
            given().header("Authorization", "Bearer " + token).get("/api/v1/complaints").then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aMalformedTokenIsRefusedWith401() {
        given().header("Authorization", "Bearer not.a.token").get("/api/v1/complaints").then().statusCode(401);
    }

    @Test
    void aTokenNamingNoTenantReachesNoTenantsData() {
        given().header("Authorization", Tokens.test().bearer(null, "tenantless", "crm-client"))
                .get("/api/v1/complaints").then().statusCode(403).contentType("application/problem+json");
    }
}
