package dev.amends.intake.rootcause;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.Money;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.KafkaTestClient;
import dev.amends.devkit.SampleEvents;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.TestInfrastructure;
import dev.amends.intake.complaint.ComplaintRequests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AmendsTestResource.class)
class RootCauseReportIT {

    /** The test story says "nobody came": the triage tags it staff-responsiveness. */
    private static final String CAUSE = "staff-responsiveness";

    private final KafkaTestClient kafka = TestInfrastructure.shared().kafka();

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    @Test
    void complaintsAreCountedByRootCauseWeekByWeekWithWhatWasMadeGoodForThem() {
        long before = thisWeek(report(8), CAUSE);
        UUID first = file();
        UUID second = file();
        // Only this test makes good in CHF, so the amount is exactly what it gave.
        for (UUID complaint : List.of(first, second)) {
            RecoveryDecided granted = SampleEvents.creditGranted(complaint, customer(), Money.of("12.50", "CHF"));
            kafka.publish(granted, UUID.randomUUID());
            kafka.publish(SampleEvents.issued(granted), UUID.randomUUID());
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath report = report(8);
            Map<String, Object> cause = cause(report, CAUSE);
            assertEquals(before + 2, ((Number) cause.get("thisWeek")).longValue());
            assertTrue(cause.get("madeGood").toString().contains("amount=25.00, currency=CHF"), cause.toString());
            List<Map<String, Object>> weeks = report.getList("causes.find { it.tag == '" + CAUSE + "' }.weeks");
            assertEquals(8, weeks.size());
            String monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .toString();
            assertEquals(monday, weeks.get(7).get("weekStarting"));
            assertEquals(before + 2, ((Number) weeks.get(7).get("complaints")).longValue());
        });
        given().get("/q/metrics").then().body(containsString("amends_complaints_root_cause_total{cause=\"" + CAUSE + "\""));
    }

    @Test
    void aSpanOutsideOneToFiftyTwoWeeksIsRefusedNamingIt() {
        for (String weeks : List.of("0", "53", "soon")) {
            given().queryParam("weeks", weeks).get("/api/v1/root-causes").then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString("weeks"));
        }
    }

    @Test
    void eachTenantSeesOnlyItsOwnRootCauses() {
        String tenant = "roots-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", SignedIn.bearer(tenant, "supervisor")).get("/api/v1/root-causes")
                .then().statusCode(200).body("causes.size()", equalTo(0)).body("weeks.size()", equalTo(8));
    }

    private static long thisWeek(JsonPath report, String tag) {
        Map<String, Object> cause = cause(report, tag);
        return cause == null ? 0 : ((Number) cause.get("thisWeek")).longValue();
    }

    private static Map<String, Object> cause(JsonPath report, String tag) {
        return report.getMap("causes.find { it.tag == '" + tag + "' }");
    }

    private static JsonPath report(int weeks) {
        return given().queryParam("weeks", weeks).get("/api/v1/root-causes").then().statusCode(200).extract()
                .jsonPath();
    }

    private static UUID file() {
        return UUID.fromString(given().contentType(ContentType.JSON).body(ComplaintRequests.complaint())
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id"));
    }

    private static Customer customer() {
        return SampleEvents.customer(SampleEvents.TENANT, "CUST-" + UUID.randomUUID(), "Ada Lovelace",
                "ada@example.com", null, ContactChannel.EMAIL, "de-DE", "Europe/Berlin");
    }
}
