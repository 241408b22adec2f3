package dev.amends.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.devkit.SignedIn;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker stopped for 30 seconds while the CRM keeps filing: intake accepts every complaint
 * (its outbox holds the events), and once the broker is back everything catches up, exactly once.
 */
class BrokerOutageIT {

    @BeforeAll
    static void signIn() {
        SignedIn.asStaff();
    }

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Test
    void intakeKeepsAcceptingComplaintsWhileTheBrokerIsDownAndEverythingCatchesUpAfterwards() throws Exception {
        RunningPlatform platform = RunningPlatform.onServersOfItsOwn();
        ServiceProcess intake = platform.service("intake-service");
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            filed.add(Complaints.file(intake, "20.00"));
        }

        platform.servers().stopBroker();
        Instant back = Instant.now().plus(OUTAGE);
        List<String> filedDuringOutage = new ArrayList<>();
        int i = 0;
        while (Instant.now().isBefore(back)) {
            // Complaints.file insists on 201 Created: the CRM notices nothing of the outage.
            filedDuringOutage.add(Complaints.file(intake, i++ % 4 == 0 ? "300.00" : "20.00"));
            Thread.sleep(250);
        }
        assertTrue(waitingInOutbox(platform) >= filedDuringOutage.size(), "every complaint's event waits in the outbox");
        platform.servers().startBroker();
        filed.addAll(filedDuringOutage);
        for (int j = 0; j < 5; j++) {
            filed.add(Complaints.file(intake, "20.00"));
        }

        NothingLostNothingTwice guarantees = new NothingLostNothingTwice(platform);
        var interrupted = guarantees.awaitEveryCustomerNotified(filed, Duration.ofSeconds(180));
        assertTrue(interrupted.isEmpty(), "no send was interrupted: " + interrupted);
        guarantees.assertExactlyOnce(filed, interrupted);
        assertEquals(0, waitingInOutbox(platform));
    }

    private static int waitingInOutbox(RunningPlatform platform) throws Exception {
        try (Connection db = platform.database("intake-service");
                ResultSet rows = db.createStatement().executeQuery(
                        "select count(*) from amends_outbox")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
