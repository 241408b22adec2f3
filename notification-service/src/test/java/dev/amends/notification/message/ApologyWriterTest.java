package dev.amends.notification.message;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.Money;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.Escalation;
import dev.amends.contract.recovery.MakeGood;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.contract.recovery.RecoveryOutcome;
import dev.amends.devkit.SampleEvents;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApologyWriterTest {

    private final ApologyWriter writer = new ApologyWriter();

    @Test
    void theApologySpeaksToThisCustomerAboutTheirOwnCase() {
        String body = writer.write(granted()).body();
        assertTrue(body.startsWith("Hello Ada,"), body);
        assertTrue(body.contains("Fridge delivered two weeks late"), body);
    }

    @Test
    void aGrantedMakeGoodIsStatedPlainlyAsDone() {
        String body = writer.write(granted()).body();
        assertTrue(body.contains("Account credit of 39.90 EUR for order ORD-2026-118. It is done already"), body);
    }

    @Test
    void anEscalationTellsTheCustomerWhenToExpectAnAnswerInTheirTimeZone() {
        RecoveryDecided granted = granted();
        MakeGood proposed = new MakeGood(MakeGoodKind.REFUND, Money.of("400", "EUR"), "Refund of 400.00 EUR");
        RecoveryDecided escalated = new RecoveryDecided(granted.tenant(), granted.complaintId(), UUID.randomUUID(),
                granted.customer(), granted.summary(), RecoveryOutcome.ESCALATED, granted.fault(), granted.apology(),
                null, AuthorityLevel.SUPERVISOR,
                new Escalation(AuthorityLevel.SUPERVISOR, "supervisors", Instant.parse("2026-11-23T10:00:00Z"), proposed),
                List.of(), Instant.parse("2026-11-22T10:00:00Z"), 1);
        String body = writer.write(escalated).body();
        assertTrue(body.contains("refund of 400.00 eur"), body);
        assertTrue(body.contains("by Monday 23 November at 10:00"), body);
    }

    @Test
    void anEscalationWithNothingToProposeStillSaysWhenTheAnswerComes() {
        RecoveryDecided granted = granted();
        RecoveryDecided escalated = new RecoveryDecided(granted.tenant(), granted.complaintId(), UUID.randomUUID(),
                granted.customer(), granted.summary(), RecoveryOutcome.ESCALATED, granted.fault(), granted.apology(),
                null, AuthorityLevel.SUPERVISOR,
                new Escalation(AuthorityLevel.SUPERVISOR, "supervisors", Instant.parse("2026-11-23T10:00:00Z"), null),
                List.of(), Instant.parse("2026-11-22T10:00:00Z"), 2);
        String body = writer.write(escalated).body();
        assertTrue(body.contains("you told us this is still not right"), body);
        assertTrue(body.contains("you will hear from us by Monday 23 November at 10:00"), body);
    }

    @Test
    void theApologyCarriesNoQualifiersBlameOrBoilerplateEmpathy() {
        String body = writer.write(granted()).body().toLowerCase(Locale.ROOT);
        for (String phrase : List.of("one-time", "just this once", "as a courtesy", "understand your frustration",
                "as stated in our policy", "you should have")) {
            assertFalse(body.contains(phrase), phrase);
        }
    }

    @Test
    void anApologyWithoutResponsibilityAdmitsNoFault() {
        String body = writer.write(granted()).body();
        assertFalse(body.contains("We got this wrong"), body);
    }

    private static RecoveryDecided granted() {
        return SampleEvents.creditGranted(UUID.randomUUID(), SampleEvents.customer(), Money.of("39.90", "EUR"));
    }
}
