package dev.amends.intake.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.CustomerAsk;
import dev.amends.contract.complaint.Specifics;
import dev.amends.contract.complaint.WhatWentWrong;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecificsRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Customer complaint", "Complaint #4711", "RE: Customer issue", "Kundenbeschwerde",
        "Reklamation.", "Ticket 88213", "General enquiry", "  "})
    void aSummaryAnyComplaintCouldHaveIsGeneric(String summary) {
        assertTrue(SpecificsRules.generic(summary), summary);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Fridge delivered two weeks late", "Charged twice for order 118",
        "Kühlschrank zu spät geliefert", "Complaint about the damaged sofa"})
    void aSummaryThatNamesSomethingIsNotGeneric(String summary) {
        assertFalse(SpecificsRules.generic(summary), summary);
    }

    @Test
    void whatWentWrongAndWhatTheyAskedForAreReadFromTheirWordsInEnglish() {
        Specifics specifics = SpecificsRules.of(ComplaintCategory.DELIVERY, "Customer complaint",
                "The fridge came two weeks late and the door was dented.", "My delivery fee back, and an apology.",
                " ORD-2026-118 ");
        assertTrue(specifics.genericSummary());
        assertEquals("ORD-2026-118", specifics.orderReference());
        assertEquals(List.of(WhatWentWrong.LATE, WhatWentWrong.DAMAGED), specifics.wentWrong());
        assertEquals(List.of(CustomerAsk.DELIVERY_FEE_BACK, CustomerAsk.APOLOGY), specifics.asked());
    }

    @Test
    void andInGerman() {
        Specifics specifics = SpecificsRules.of(ComplaintCategory.BILLING, "Kundenbeschwerde",
                "Mir wurde der Betrag doppelt abgebucht, und niemand hat zurückgerufen.",
                "Ich möchte mein Geld zurück und einen Rückruf.", null);
        assertEquals(List.of(WhatWentWrong.CHARGED_TWICE, WhatWentWrong.NO_CALL_BACK), specifics.wentWrong());
        assertEquals(List.of(CustomerAsk.REFUND, CustomerAsk.CALL_BACK), specifics.asked());
    }

    @Test
    void anAskTheyTurnDownIsNotAnAsk() {
        Specifics specifics = SpecificsRules.of(ComplaintCategory.PRODUCT, "Broken kettle", "It stopped working.",
                "I don't want a voucher, I want a replacement.", null);
        assertEquals(List.of(CustomerAsk.REPLACEMENT), specifics.asked());
        assertEquals(List.of(WhatWentWrong.FAULTY), specifics.wentWrong());
    }

    @Test
    void withoutADesiredOutcomeTheStoryIsReadForWhatTheyWant() {
        Specifics specifics = SpecificsRules.of(ComplaintCategory.BILLING, "Overcharged", "You overcharged me; "
                + "please refund the difference.", null, null);
        assertEquals(List.of(CustomerAsk.REFUND), specifics.asked());
        assertEquals(List.of(WhatWentWrong.OVERCHARGED), specifics.wentWrong());
    }
}
