package dev.amends.notification.message;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.Money;
import dev.amends.contract.recovery.ApologyPart;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.Escalation;
import dev.amends.contract.recovery.EscalationDeclined;
import dev.amends.contract.recovery.EscalationExpired;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.LedgerLine;
import dev.amends.contract.recovery.MakeGoodIssued;
import dev.amends.contract.recovery.MakeGood;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.contract.recovery.RecoveryOutcome;
import dev.amends.devkit.SampleEvents;
import dev.amends.voice.ToneCheck;
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
        MakeGood proposed = new MakeGood(MakeGoodKind.REFUND, Money.of("400", "EUR"), "a refund of 400.00 EUR");
        RecoveryDecided escalated = new RecoveryDecided(granted.tenant(), granted.complaintId(), UUID.randomUUID(),
                granted.customer(), granted.summary(), RecoveryOutcome.ESCALATED, granted.fault(), granted.apology(),
                null, AuthorityLevel.SUPERVISOR,
                new Escalation(AuthorityLevel.SUPERVISOR, "supervisors", Instant.parse("2026-11-23T10:00:00Z"), proposed,
                        UUID.randomUUID(), null),
                List.of(), Instant.parse("2026-11-22T10:00:00Z"), 1, null, 1);
        String body = writer.write(escalated).body();
        assertTrue(body.contains("we are proposing a refund of 400.00 EUR."), body);
        assertTrue(body.contains("by Monday 23 November at 10:00"), body);
    }

    @Test
    void anEscalationWithNothingToProposeStillSaysWhenTheAnswerComes() {
        RecoveryDecided granted = granted();
        RecoveryDecided escalated = new RecoveryDecided(granted.tenant(), granted.complaintId(), UUID.randomUUID(),
                granted.customer(), granted.summary(), RecoveryOutcome.ESCALATED, granted.fault(), granted.apology(),
                null, AuthorityLevel.SUPERVISOR,
                new Escalation(AuthorityLevel.SUPERVISOR, "supervisors", Instant.parse("2026-11-23T10:00:00Z"), null,
                        UUID.randomUUID(), null),
                List.of(), Instant.parse("2026-11-22T10:00:00Z"), 2, null, 1);
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

    @Test
    void aMakeGoodAPersonGrantedIsConfirmedAsDoneWithWhatWasGiven() {
        RecoveryDecided granted = granted();
        MakeGood refund = new MakeGood(MakeGoodKind.REFUND, Money.of("400", "EUR"), "a full refund (400.00 EUR)");
        MakeGoodIssued issued = new MakeGoodIssued(granted.tenant(), granted.complaintId(), UUID.randomUUID(),
                UUID.randomUUID(), granted.customer(), granted.summary(), refund,
                List.of(new LedgerLine(UUID.randomUUID(), refund)), AuthorityLevel.SUPERVISOR, "maria.k", null, 1,
                Instant.parse("2026-11-22T12:00:00Z"), 1);
        String body = writer.confirm(issued).body();
        assertTrue(body.contains("We have given you a full refund (400.00 EUR). It is done"), body);
    }

    @Test
    void aMissedDeadlineIsOwnedAndTheNewDateGivenInTheCustomersTimeZone() {
        RecoveryDecided granted = granted();
        EscalationExpired expired = new EscalationExpired(granted.tenant(), granted.complaintId(), UUID.randomUUID(),
                granted.customer(), granted.summary(), AuthorityLevel.SUPERVISOR, "supervisors",
                Instant.parse("2026-11-23T10:00:00Z"),
                new Escalation(AuthorityLevel.MANAGER, "customer-care-managers", Instant.parse("2026-11-25T10:00:00Z"),
                        null, UUID.randomUUID(), null),
                1, Instant.parse("2026-11-23T10:00:05Z"), 1);
        String body = writer.update(expired).body();
        assertTrue(body.contains("by Monday 23 November at 10:00, and we did not keep that promise. We are sorry."),
                body);
        assertTrue(body.contains("A more senior colleague has taken it over, and you will hear from us by "
                + "Wednesday 25 November at 10:00"), body);
    }

    @Test
    void aDeclinedMakeGoodIsAnsweredHonestlyWithTheReasonAndWithoutAdmittingFaultWeDoNotHave() {
        RecoveryDecided granted = granted();
        EscalationDeclined declined = new EscalationDeclined(granted.tenant(), granted.complaintId(),
                UUID.randomUUID(), UUID.randomUUID(), granted.customer(), granted.summary(), AuthorityLevel.SUPERVISOR,
                "maria.k", "The parcel was signed for at your address; we have asked the carrier to trace it.",
                Fault.CUSTOMER, List.of(ApologyPart.REGRET, ApologyPart.RESTITUTION),
                Instant.parse("2026-11-22T12:00:00Z"), 1);
        String body = writer.answer(declined).body();
        assertTrue(body.contains("Here is what we decided, and why: The parcel was signed for"), body);
        assertTrue(body.contains("we are disappointed too"), body);
        assertTrue(body.contains("just reply to this message"), body);
        assertFalse(body.contains("We got this wrong"), body);
    }

    @Test
    void everyKindOfMessageTheWriterProducesPassesTheToneCheck() {
        RecoveryDecided granted = granted();
        MakeGood refund = new MakeGood(MakeGoodKind.REFUND, Money.of("80", "EUR"), "a full refund (80.00 EUR)");
        var drafts = List.of(
                writer.write(granted),
                writer.confirm(new MakeGoodIssued(granted.tenant(), granted.complaintId(), UUID.randomUUID(),
                        UUID.randomUUID(), granted.customer(), granted.summary(), refund,
                        List.of(new LedgerLine(UUID.randomUUID(), refund)), AuthorityLevel.SUPERVISOR, "maria.k", null,
                        1, Instant.parse("2026-11-22T12:00:00Z"), 1)),
                writer.update(new EscalationExpired(granted.tenant(), granted.complaintId(), UUID.randomUUID(),
                        granted.customer(), granted.summary(), AuthorityLevel.SUPERVISOR, "supervisors",
                        Instant.parse("2026-11-23T10:00:00Z"),
                        new Escalation(AuthorityLevel.MANAGER, "managers", Instant.parse("2026-11-25T10:00:00Z"), null,
                                UUID.randomUUID(), null), 1, Instant.parse("2026-11-23T10:00:05Z"), 1)));
        for (var draft : drafts) {
            assertTrue(ToneCheck.check(draft.subject() + "\n" + draft.body(), Fault.UNKNOWN).isEmpty(), draft.body());
        }
        for (Fault fault : Fault.values()) {
            var answer = writer.answer(new EscalationDeclined(granted.tenant(), granted.complaintId(), UUID.randomUUID(),
                    UUID.randomUUID(), granted.customer(), granted.summary(), AuthorityLevel.SUPERVISOR, "maria.k",
                    "The parcel was signed for at your address.", fault,
                    fault == Fault.COMPANY ? List.of(ApologyPart.values())
                            : List.of(ApologyPart.REGRET, ApologyPart.RESTITUTION), Instant.now(), 1));
            assertTrue(ToneCheck.check(answer.body(), fault).isEmpty(), answer.body());
        }
    }

    private static RecoveryDecided granted() {
        return SampleEvents.creditGranted(UUID.randomUUID(), SampleEvents.customer(), Money.of("39.90", "EUR"));
    }
}
