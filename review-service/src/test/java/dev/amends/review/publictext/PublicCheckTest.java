package dev.amends.review.publictext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.recovery.Fault;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicCheckTest {

    private static final String REVIEW = "Paid €39.90 for delivery on order ORD-2026-0311 and it came a week late.";
    private static final PublicCheck.Context CONTEXT = new PublicCheck.Context(REVIEW, "Priya S.", Fault.UNKNOWN,
            List.of("Priya Shah", "priya.shah@example.com", "ORD-2026-0311", "ORD-2026-0999"));

    private static List<String> rules(String text) {
        return PublicCheck.check(text, CONTEXT).stream().map(PublicCheck.Finding::rule).toList();
    }

    private static List<String> phrases(String text) {
        return PublicCheck.check(text, CONTEXT).stream().map(PublicCheck.Finding::phrase).toList();
    }

    @Test
    void aCalmFactualAnswerPasses() {
        assertEquals(List.of(), PublicCheck.check("Hi Priya, we are sorry the delivery let you down. Our records "
                + "show that a refund was issued on 2 March 2026. Please reach us at https://hearth.example/help.",
                CONTEXT));
    }

    @Test
    void contactDetailsAreRefusedWhoeverTheyBelongTo() {
        assertEquals(List.of("priya.shah@example.com", "priya.shah@example.com"),
                phrases("We wrote to priya.shah@example.com on Monday."), "by shape, and as the customer's");
        assertEquals(List.of("+44 20 7946 0958"), phrases("Call us back on +44 20 7946 0958."));
        assertEquals(List.of("12 Baker Street"), phrases("We delivered to 12 Baker Street."));
    }

    @Test
    void anAmountIsAllowedOnlyWhenTheReviewerStatedItThemselves() {
        assertEquals(List.of(), phrases("The €39.90 for delivery has been refunded."));
        assertEquals(List.of("€15.00"), phrases("We added €15.00 to your account."));
        assertEquals(List.of("20 EUR"), phrases("A voucher of 20 EUR is waiting."));
    }

    @Test
    void anOrderReferenceOrSurnameTheReviewerDidNotGiveIsRefused() {
        assertEquals(List.of(), phrases("About order ORD-2026-0311: it left us late."));
        assertEquals(List.of("ORD-2026-0999", "ORD-2026-0999"), phrases("Your other order ORD-2026-0999 is fine."));
        assertEquals(List.of("Priya Shah", "Shah"), phrases("Dear Priya Shah, sorry."));
        assertEquals(List.of(), phrases("A shah is a king; Priya, sorry."), "a name is compared with its case");
    }

    @Test
    void gloatingArguingAndBlameAreRefused() {
        assertEquals(List.of("GLOATING"), rules("As you can see, the refund was issued."));
        assertEquals(List.of("ARGUING"), rules("That is not true: we replied the same day."));
        assertEquals(List.of("BLAME"), rules("Had you read the label, it would not be your fault... it is your fault."));
        assertEquals(List.of("GLOATING", "ARGUING"), rules("For the record, you are wrong."));
    }

    @Test
    void theToneCheckOfCustomerMessagesAppliesInPublicToo() {
        assertTrue(rules("We're sorry to hear that. As a one-time gesture we refunded you.")
                .containsAll(List.of("GRUDGING_GIVING", "BOILERPLATE_EMPATHY")));
        PublicCheck.Context customerFault = new PublicCheck.Context(REVIEW, "Priya S.", Fault.CUSTOMER, List.of());
        assertEquals(List.of("FALSE_ADMISSION"), PublicCheck.check("This was our mistake.", customerFault).stream()
                .map(PublicCheck.Finding::rule).toList());
    }

    @Test
    void everyFindingExplainsWhichRuleItBreaks() {
        PublicCheck.Finding finding = PublicCheck.check("Obviously we refunded you.", CONTEXT).get(0);
        assertEquals("\"obviously\" breaks GLOATING: " + PublicRule.GLOATING.meaning(), finding.explain());
    }

    @Test
    void germanGloatingArguingAndBlameAreRefusedToo() {
        assertEquals(List.of("GLOATING"), rules("Wie Sie sehen, wurde die Erstattung veranlasst."));
        assertEquals(List.of("ARGUING"), rules("Das stimmt nicht: wir haben am selben Tag geantwortet."));
        assertEquals(List.of("ARGUING"), rules("Sie behaupten, niemand habe sich gemeldet."));
        assertEquals(List.of("BLAME"), rules("Das war leider Ihre Schuld."));
        assertEquals(List.of("BLAME"), rules("Sie hätten das Paket abholen können."), "the tone check's German");
        assertEquals(List.of("GLOATING", "ARGUING"), rules("Offensichtlich ist das eine Fake-Bewertung."));
    }

    @Test
    void germanPrivateDetailsAreFoundByShapeAsInEnglish() {
        assertEquals(List.of("Hauptstraße 12", "€15,00"), phrases("Wir haben an die Hauptstraße 12 geliefert und "
                + "Ihnen €15,00 gutgeschrieben."));
        assertEquals(List.of("Ring 4b"), phrases("Das Paket liegt bei den Nachbarn Am Ring 4b."));
        assertEquals(List.of("ORD-2026-0999", "ORD-2026-0999"), phrases("Ihre Bestellung ORD-2026-0999 ist unterwegs."));
    }
}
