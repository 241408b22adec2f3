package dev.amends.recovery.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.Money;
import dev.amends.contract.recovery.ApologyPart;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.contract.recovery.RecoveryOutcome;
import dev.amends.devkit.SampleEvents;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StarterPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final StarterPolicy policy = new StarterPolicy(new StarterPolicyConfig() {
        @Override
        public Map<String, BigDecimal> automaticLimit() {
            return Map.of("EUR", new BigDecimal("50.00"));
        }

        @Override
        public Level supervisor() {
            return new Level() {
                @Override
                public String owner() {
                    return "supervisors";
                }

                @Override
                public Duration sla() {
                    return Duration.ofHours(24);
                }
            };
        }
    });

    @Test
    void aMakeGoodWithinAuthorityIsGrantedAtOnceInFull() {
        var decision = policy.decide(SampleEvents.complaintReceived(SampleEvents.customer(), Money.of("50.00", "EUR")),
                NOW);
        assertEquals(RecoveryOutcome.GRANTED, decision.outcome());
        assertEquals(AuthorityLevel.AUTOMATIC, decision.authority());
        assertEquals(Money.of("50.00", "EUR"), decision.makeGood().value());
        assertEquals(MakeGoodKind.ACCOUNT_CREDIT, decision.makeGood().kind());
        assertNull(decision.escalation());
    }

    @Test
    void aMakeGoodAboveAuthorityIsEscalatedWithAnOwnerAndADeadlineNeverRefused() {
        var decision = policy.decide(SampleEvents.complaintReceived(SampleEvents.customer(), Money.of("50.01", "EUR")),
                NOW);
        assertEquals(RecoveryOutcome.ESCALATED, decision.outcome());
        assertEquals("supervisors", decision.escalation().owner());
        assertEquals(NOW.plus(Duration.ofHours(24)), decision.escalation().dueAt());
        assertEquals(Money.of("50.01", "EUR"), decision.escalation().proposed().value());
        assertNull(decision.makeGood());
    }

    @Test
    void aCurrencyWithoutAnAutomaticLimitGoesToAPersonRatherThanBeingRefused() {
        var decision = policy.decide(SampleEvents.complaintReceived(SampleEvents.customer(), Money.of("5", "JPY")),
                NOW);
        assertEquals(RecoveryOutcome.ESCALATED, decision.outcome());
        assertNotNull(decision.escalation());
    }

    @Test
    void withNothingAtStakeTheApologyIsGrantedWithoutAMakeGood() {
        var decision = policy.decide(SampleEvents.complaintReceived(SampleEvents.customer(), null), NOW);
        assertEquals(RecoveryOutcome.GRANTED, decision.outcome());
        assertNull(decision.makeGood());
    }

    @Test
    void anUnknownFaultGetsAnApologyThatAdmitsNoFault() {
        var decision = policy.decide(SampleEvents.complaintReceived(SampleEvents.customer(), Money.of("10", "EUR")),
                NOW);
        assertEquals(Fault.UNKNOWN, decision.fault());
        assertEquals(List.of(ApologyPart.REGRET, ApologyPart.RESTITUTION, ApologyPart.REPENTANCE), decision.apology());
    }

    @Test
    void everyDecisionSaysWhyInPlainWords() {
        var decision = policy.decide(SampleEvents.complaintReceived(SampleEvents.customer(), Money.of("80", "EUR")),
                NOW);
        assertTrue(decision.rationale().stream().anyMatch(line -> line.contains("above the automatic authority of 50.00 EUR")),
                decision.rationale().toString());
    }
}
