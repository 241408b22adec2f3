package dev.amends.intake.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.Severity;
import dev.amends.contract.complaint.Triage;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriageRulesTest {

    private static Triage assess(String story, Money atStake, long earlier) {
        return TriageRules.assess(ComplaintCategory.DELIVERY, "Fridge delivered late", story, atStake, earlier);
    }

    @Test
    void aCalmFirstComplaintWithAModestAmountIsMediumAndNotOverServed() {
        Triage triage = assess("The fridge came a day after the promised date.", Money.of("80", "EUR"), 0);
        assertEquals(Severity.MEDIUM, triage.severity());
        assertFalse(triage.overService());
    }

    @Test
    void aSmallAmountIsLowAndALargeOneHigh() {
        assertEquals(Severity.LOW, assess("It came a day late.", Money.of("12", "EUR"), 0).severity());
        assertEquals(Severity.HIGH, assess("It came a day late.", Money.of("250", "EUR"), 0).severity());
    }

    @Test
    void aRiskToSafetyIsCriticalWhateverTheAmount() {
        Triage triage = assess("The plug started to smoke and my son burned his hand.", Money.of("5", "EUR"), 0);
        assertEquals(Severity.CRITICAL, triage.severity());
        assertTrue(triage.rationale().stream().anyMatch(line -> line.contains("risk to safety")), triage.rationale().toString());
    }

    @Test
    void talkOfLegalStepsIsHigh() {
        assertEquals(Severity.HIGH, assess("I will take this to the ombudsman.", Money.of("20", "EUR"), 0).severity());
    }

    @Test
    void anAngryCustomerIsOverServedAndTheRationaleSaysWhy() {
        Triage triage = assess("This is UNACCEPTABLE. I WAITED ALL DAY!!!", null, 0);
        assertTrue(triage.overService());
        assertTrue(triage.rationale().stream().anyMatch(line -> line.startsWith("The customer is angry")));
    }

    @Test
    void aRepeatComplainantIsOverServedFromTheirHistoryOrTheirWords() {
        assertTrue(assess("The fridge came late.", null, 2).overService());
        assertTrue(assess("This is the third time an order came late.", null, 0).overService());
    }

    @Test
    void rootCausesComeFromTheCategoryAndTheStory() {
        Triage triage = assess("The courier never called and the tracking page was wrong; I was charged twice.",
                null, 0);
        assertEquals(List.of("carrier", "delivery", "fulfilment-delay", "payment-processing", "staff-responsiveness"),
                triage.rootCauses());
    }
}
