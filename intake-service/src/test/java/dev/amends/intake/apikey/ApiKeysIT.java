package dev.amends.intake.apikey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.SignedIn;
import dev.amends.intake.complaint.ComplaintRequests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AmendsTestResource.class)
class ApiKeysIT {

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void signIn() {
        SignedIn.as(SignedIn.TENANT, "policy-admin");
    }

    @Test
    void aKeyDoesWhatItsScopesAllowAndNothingElse() {
        String key = issue(List.of("complaints:write"), null).statusCode(201)
                .body("key", startsWith("amk_")).body("scopes", equalTo(List.of("complaints:write")))
                .extract().path("key");

        String id = withKey(key).contentType(ContentType.JSON).body(ComplaintRequests.complaint())
                .post("/api/v1/complaints").then().statusCode(201).body("tenant", equalTo(SignedIn.TENANT))
                .extract().path("id");
        withKey(key).get("/api/v1/complaints/" + id).then().statusCode(403).contentType("application/problem+json");
        withKey(key).contentType(ContentType.JSON)
                .body(Map.of("url", "https://crm.example.com/hook", "eventTypes", List.of("complaint.received"),
                        "secret", "a-secret-of-thirty-two-characters!"))
                .post("/api/v1/webhooks").then().statusCode(403);
        withKey(key).get("/api/v1/api-keys").then().statusCode(403);
    }

    @Test
    void onlyAHashIsKeptAndTheKeyIsShownOnce() {
        String key = issue(List.of("complaints:read"), "P30D").statusCode(201).extract().path("key");
        String lookup = key.substring(4, 16);

        given().get("/api/v1/api-keys").then().statusCode(200)
                .body("find { it.lookup == '" + lookup + "' }.key", nullValue())
                .body("find { it.lookup == '" + lookup + "' }.scopes", equalTo(List.of("complaints:read")));
        byte[] stored = QuarkusTransaction.requiringNew().call(
                () -> ApiKey.<ApiKey>find("lookup", lookup).firstResult().secretHash);
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(key.substring(17)),
                "the secret itself is never stored");
    }

    @Test
    void aWrongExpiredOrRevokedKeyIsRefusedWith401() throws InterruptedException {
        String key = issue(List.of("complaints:read"), null).extract().path("key");
        withKey(key).get("/api/v1/complaints").then().statusCode(200);
        String altered = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
        withKey(altered).get("/api/v1/complaints").then().statusCode(401).contentType("application/problem+json");
        withKey("amk_000000000000_nothing").get("/api/v1/complaints").then().statusCode(401);

        String shortLived = issue(List.of("complaints:read"), "PT1S").extract().path("key");
        Thread.sleep(1_500);
        withKey(shortLived).get("/api/v1/complaints").then().statusCode(401);

        String id = issue(List.of("complaints:read"), null).extract().path("id");
        String revoked = given().get("/api/v1/api-keys").then().extract()
                .path("find { it.id == '" + id + "' }.lookup");
        given().delete("/api/v1/api-keys/" + id).then().statusCode(200).body("revokedAt", not(nullValue()));
        given().get("/api/v1/api-keys").then().body("find { it.lookup == '" + revoked + "' }.revokedAt",
                not(nullValue()));
    }

    @Test
    void aRotatedKeyIsReplacedWhileTheOldOneWorksForTheOverlap() {
        var issued = issue(List.of("complaints:read"), "P90D").extract();
        String oldKey = issued.path("key");
        String rotated = given().contentType(ContentType.JSON).body(Map.of("overlap", "PT1H"))
                .post("/api/v1/api-keys/" + issued.path("id") + "/rotate").then().statusCode(201)
                .body("scopes", equalTo(List.of("complaints:read"))).extract().path("key");

        withKey(rotated).get("/api/v1/complaints").then().statusCode(200);
        withKey(oldKey).get("/api/v1/complaints").then().statusCode(200);
        given().get("/api/v1/api-keys").then()
                .body("find { it.id == '" + issued.path("id") + "' }.replacedBy", not(nullValue()));
    }

    @Test
    void anotherTenantsAdministratorCannotSeeRotateOrRevokeTheKey() {
        String id = issue(List.of("complaints:read"), null).extract().path("id");
        String other = SignedIn.bearer("globex", "policy-admin");
        given().header("Authorization", other).get("/api/v1/api-keys").then().statusCode(200)
                .body("id", not(hasItem(id)));
        given().header("Authorization", other).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/api-keys/" + id + "/rotate").then().statusCode(404);
        given().header("Authorization", other).delete("/api/v1/api-keys/" + id).then().statusCode(404);
    }

    @Test
    void everyKeyChangeIsInTheAppendOnlyAuditTrail() {
        String id = issue(List.of("complaints:read"), null).extract().path("id");
        given().delete("/api/v1/api-keys/" + id).then().statusCode(200);

        given().queryParam("subjectType", "api-key").queryParam("subjectId", id).get("/api/v1/audit-trail")
                .then().statusCode(200)
                .body("action", equalTo(List.of("api-key.revoked", "api-key.issued")))
                .body("actor", everyItem(equalTo("test-policy-admin")))
                .body("[0].before.revokedAt", nullValue())
                .body("[0].after.revokedAt", not(nullValue()))
                .body("[1].after.scopes", equalTo("complaints:read"))
                .body("[1].after", not(hasKey("secretHash")));
        assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                entityManager.createNativeQuery("update amends_audit_entry set actor = 'someone else'").executeUpdate()));
        assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                entityManager.createNativeQuery("delete from amends_audit_entry").executeUpdate()));
    }

    @Test
    void anUnknownScopeOrTooLongALifeIsRefusedAndIssuesNothing() {
        issue(List.of("complaints:delete"), null).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", startsWith("scopes"));
        issue(List.of("complaints:read"), "P400D").statusCode(400).body("errors[0].field", equalTo("validFor"));
    }

    private static ValidatableResponse issue(List<String> scopes, String validFor) {
        Map<String, Object> request = validFor == null
                ? Map.of("client", "zendesk-" + UUID.randomUUID(), "scopes", scopes)
                : Map.of("client", "zendesk-" + UUID.randomUUID(), "scopes", scopes, "validFor", validFor);
        return given().contentType(ContentType.JSON).body(request).post("/api/v1/api-keys").then();
    }

    private static RequestSpecification withKey(String key) {
        return given().header("X-Api-Key", key);
    }
}
