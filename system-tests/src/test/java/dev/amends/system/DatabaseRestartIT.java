package dev.amends.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.devkit.SignedIn;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted while complaints flow: every service says it is not ready while the database
 * is away, comes back by itself, and nothing accepted is lost or done twice. A complaint intake
 * could not take is answered 503 with Retry-After, so the CRM knows to send it again.
 */
class DatabaseRestartIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    @Test
    void servicesAreNotReadyWhileTheDatabaseIsDownAndRecoverByThemselvesLosingNothing() throws Exception {
        RunningPlatform platform = RunningPlatform.onServersOfItsOwn();
        ServiceProcess intake = platform.service("intake-service");
        List<String> filed = new CopyOnWriteArrayList<>();
        List<Response> refused = new CopyOnWriteArrayList<>();
        AtomicBoolean crmFiling = new AtomicBoolean(true);
        CompletableFuture<Void> crm = CompletableFuture.runAsync(() -> {
            int i = 0;
            while (crmFiling.get()) {
                Response answer = Complaints.tryToFile(intake, i++ % 4 == 0 ? "300.00" : "20.00");
                if (answer.statusCode() == 201) {
                    filed.add(answer.path("id"));
                } else {
                    refused.add(answer);
                }
                Complaints.pause(100);
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> filed.size() >= 20);

        platform.servers().stopDatabase();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (ServiceProcess service : platform.services()) {
                assertEquals(503, readiness(service), service.baseUri() + " reports not ready");
            }
        });
        Thread.sleep(5_000);
        platform.servers().startDatabase();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (ServiceProcess service : platform.services()) {
                assertEquals(200, readiness(service), service.baseUri() + " ready again");
            }
        });
        int afterRestart = filed.size();
        await().atMost(Duration.ofSeconds(60)).until(() -> filed.size() >= afterRestart + 20);
        crmFiling.set(false);
        crm.get();

        assertTrue(refused.size() > 0, "the CRM was told while the database was down");
        for (Response answer : refused) {
            assertEquals(503, answer.statusCode(), answer.asString());
            assertEquals("application/problem+json", answer.contentType());
            assertTrue(answer.header("Retry-After") != null, "Retry-After tells the CRM when to try again");
        }
        NothingLostNothingTwice guarantees = new NothingLostNothingTwice(platform);
        Set<String> interrupted = guarantees.awaitEveryCustomerNotified(filed, Duration.ofSeconds(180));
        assertTrue(interrupted.isEmpty(), "no send was interrupted: " + interrupted);
        guarantees.assertExactlyOnce(filed, interrupted);
    }

    private static int readiness(ServiceProcess service) {
        return given().baseUri(service.baseUri()).get("/q/health/ready").statusCode();
    }
}
