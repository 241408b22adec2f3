package dev.amends.review.drafting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.ContactSeal;
import dev.amends.contract.notification.MessageKind;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.review.caserecord.CaseSnapshot;
import dev.amends.review.caserecord.FactKind;
import dev.amends.review.matching.Match;
import dev.amends.review.matching.MatchStrength;
import dev.amends.review.matching.PostedReview;
import dev.amends.review.publictext.PublicCheck;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResponseWriterTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant WRITTEN = Instant.parse("2026-03-10T09:00:00Z");
    private final ResponseWriter writer = new ResponseWriter("Maya, Customer Care at Hearth & Home",
            URI.create("https://hearth.example/help"), ZoneId.of("Europe/Berlin"));

    private static CaseSnapshot.Fact fact(FactKind kind, Enum<?> detail, String at) {
        return fact(kind, detail.name(), at);
    }

    private static CaseSnapshot.Fact fact(FactKind kind, String detail, String at) {
        return new CaseSnapshot.Fact(UUID.randomUUID(), kind, detail, Instant.parse(at), "test record");
    }

    private static CaseSnapshot record(Fault fault, CaseSnapshot.Fact... facts) {
        return new CaseSnapshot(UUID.randomUUID(), "C-1", "Priya Shah", ContactSeal.emailDigest("priya.shah@example.com"), "ORD-2026-0311",
                ComplaintCategory.DELIVERY, fault, RECEIVED, List.of(facts));
    }

    private static Match strong(CaseSnapshot record) {
        return new Match(MatchStrength.STRONG, new BigDecimal("0.95"), "order reference", record.customerId(),
                record.complaintId());
    }

    private static PostedReview poor(String text) {
        return new PostedReview("GOOGLE", 1, "Priya S.", text, WRITTEN, "ORD-2026-0311", null);
    }

    private Draft draft(String text, CaseSnapshot record) {
        return writer.write(poor(text), strong(record), Optional.of(record));
    }

    private static Sentence sentence(Draft draft, String rule) {
        return draft.sentences().stream().filter(s -> s.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " sentence in " + draft.sentences()));
    }

    @Test
    void aRefundIssuedBeforeTheReviewAnswersNeverGotMyRefundWithItsDateAndEvidence() {
        CaseSnapshot.Fact refund = fact(FactKind.MAKE_GOOD_ISSUED, MakeGoodKind.REFUND, "2026-03-02T08:00:00Z");
        CaseSnapshot record = record(Fault.COMPANY, refund);
        Draft draft = draft("Two weeks late and I never got my refund.", record);

        Counterpoint counterpoint = draft.counterpoints().get(0);
        assertEquals(Claim.NO_REFUND, counterpoint.claim());
        assertEquals("never got my refund", counterpoint.reviewerSaid());
        assertFalse(counterpoint.sinceReview());
        assertEquals("Our records show that a refund was issued on 2 March 2026; if it has not reached you yet, "
                + "please tell us so that we can trace it with you.", counterpoint.statement());
        assertEquals("/api/v1/case-records/" + record.complaintId() + "#fact-" + refund.id(),
                counterpoint.evidence().get(0).href());
        assertTrue(draft.text().contains(counterpoint.statement()));
        assertEquals(counterpoint.statement(), sentence(draft, "counterpoint.no-refund").text());
    }

    @Test
    void aSettledRefundStatesWhenItWasPaidOutAndRestsOnBothRecords() {
        CaseSnapshot record = record(Fault.COMPANY,
                fact(FactKind.MAKE_GOOD_ISSUED, MakeGoodKind.REFUND, "2026-03-02T08:00:00Z"),
                fact(FactKind.MAKE_GOOD_SETTLED, MakeGoodKind.REFUND, "2026-03-04T08:00:00Z"));
        Counterpoint counterpoint = draft("They refused to give me a refund!", record).counterpoints().get(0);
        assertTrue(counterpoint.statement().contains("issued on 2 March 2026 and paid out on 4 March 2026"),
                counterpoint.statement());
        assertEquals(2, counterpoint.evidence().size());
    }

    @Test
    void aMakeGoodBeforeTheReviewAnswersGotNothingWithWhatWasGivenButNoAmount() {
        CaseSnapshot record = record(Fault.SHARED,
                fact(FactKind.MAKE_GOOD_ISSUED, MakeGoodKind.ACCOUNT_CREDIT, "2026-03-01T11:00:00Z"),
                fact(FactKind.MAKE_GOOD_ISSUED, MakeGoodKind.EXPEDITE, "2026-03-01T11:00:00Z"));
        Draft draft = draft("Waited forever and got nothing for it.", record);
        assertEquals("Our records show that on 1 March 2026 we added a credit to your account and sent your order "
                + "again by express.", sentence(draft, "counterpoint.no-compensation").text());
        assertFalse(draft.text().matches(".*\\d+[.,]\\d{2}.*"), "no amount: " + draft.text());
    }

    @Test
    void aReplyTheSameDayAnswersNobodyAnswered() {
        CaseSnapshot record = record(Fault.UNKNOWN,
                fact(FactKind.REPLIED, MessageKind.APOLOGY, "2026-03-01T10:05:00Z"));
        assertEquals("Our records show that we replied on 1 March 2026, the day you contacted us.",
                sentence(draft("Nobody answered my emails.", record), "counterpoint.no-reply").text());
    }

    @Test
    void aLateReplyIsStatedHonestlyAsLate() {
        CaseSnapshot record = record(Fault.UNKNOWN,
                fact(FactKind.REPLIED, MessageKind.ESCALATION_NOTICE, "2026-03-04T16:00:00Z"));
        assertEquals("Our records show that we replied on 4 March 2026, 3 days after you contacted us, which was "
                + "slower than it should have been.", sentence(draft("I never heard back.", record),
                "counterpoint.no-reply").text());
    }

    @Test
    void anApologySentInWritingAnswersNobodyApologised() {
        CaseSnapshot record = record(Fault.COMPANY,
                fact(FactKind.REPLIED, MessageKind.MAKE_GOOD_CONFIRMATION, "2026-03-01T10:02:00Z"),
                fact(FactKind.REPLIED, MessageKind.APOLOGY, "2026-03-01T10:01:00Z"));
        assertEquals("Our records show that we apologised to you in writing on 1 March 2026, and we say it again "
                + "here.", sentence(draft("Not even an apology.", record), "counterpoint.no-apology").text());
    }

    @Test
    void aShippedReplacementAnswersNeverReceivedAReplacement() {
        CaseSnapshot record = record(Fault.COMPANY,
                fact(FactKind.MAKE_GOOD_ISSUED, MakeGoodKind.REPLACEMENT, "2026-03-02T08:00:00Z"),
                fact(FactKind.MAKE_GOOD_SETTLED, MakeGoodKind.REPLACEMENT, "2026-03-03T08:00:00Z"));
        assertEquals("Our records show that a replacement was sent on 3 March 2026; if it has not arrived, please "
                + "tell us so that we can trace it with you.", sentence(draft("I never received a replacement.",
                record), "counterpoint.no-replacement").text());
    }

    @Test
    void aRefundIssuedAfterTheReviewIsNotACorrectionButWhatWasDoneSince() {
        CaseSnapshot record = record(Fault.COMPANY,
                fact(FactKind.MAKE_GOOD_ISSUED, MakeGoodKind.REFUND, "2026-03-11T08:00:00Z"));
        Draft draft = draft("Still waiting for my refund.", record);
        assertTrue(draft.counterpoints().get(0).sinceReview());
        assertEquals("Since you wrote this, we have issued a refund.",
                sentence(draft, "since-you-wrote.no-refund").text());
    }

    @Test
    void aReplyOrApologySentOnlyAfterTheReviewIsSaidAsDoneSinceNotAsACorrection() {
        CaseSnapshot record = record(Fault.COMPANY,
                fact(FactKind.REPLIED, MessageKind.APOLOGY, "2026-03-11T08:00:00Z"));
        for (String text : List.of("Nobody answered my emails.", "Never heard back from them.",
                "Not even an apology.", "Nobody apologised.")) {
            Draft draft = draft(text, record);
            assertTrue(draft.counterpoints().get(0).sinceReview(), text);
            assertTrue(draft.text().contains("Since you wrote this, we have "), draft.text());
            assertFalse(draft.text().contains("Our records show"), draft.text());
        }
    }

    @Test
    void aRefundPaidOutAfterTheReviewSaysItWasPaidOutSince() {
        CaseSnapshot record = record(Fault.COMPANY,
                fact(FactKind.MAKE_GOOD_ISSUED, MakeGoodKind.REFUND, "2026-03-02T08:00:00Z"),
                fact(FactKind.MAKE_GOOD_SETTLED, MakeGoodKind.REFUND, "2026-03-12T08:00:00Z"));
        Draft draft = draft("I never got my refund.", record);
        assertEquals("Our records show that a refund was issued on 2 March 2026, and since you wrote this it has been "
                + "paid out, on 12 March 2026; if you cannot see it, please tell us so that we can trace it with you.",
                sentence(draft, "since-you-wrote.no-refund").text());
    }

    @Test
    void whereTheRecoveryStandsFollowsTheNewestFactOfTheRecord() {
        CaseSnapshot.Fact escalated = fact(FactKind.ESCALATED, "SUPERVISOR", "2026-03-01T10:01:00Z");
        String text = "The delivery was a mess.";
        assertEquals("Your case is with a senior member of our team now, who will come back to you directly.",
                sentence(draft(text, record(Fault.SHARED, escalated)), "apology.restitution").text());
        assertEquals("Since you wrote this, a senior member of our team has looked at your case and written to you "
                + "directly with our answer and the reasons for it.", sentence(draft(text, record(Fault.SHARED,
                        escalated, fact(FactKind.ESCALATION_DECLINED, "SUPERVISOR", "2026-03-11T10:00:00Z"))),
                "since-you-wrote.restitution").text());
        assertEquals("Since you wrote this, we have put it right with you directly.", sentence(draft(text,
                record(Fault.SHARED, escalated, fact(FactKind.MAKE_GOOD_ISSUED, MakeGoodKind.ACCOUNT_CREDIT,
                        "2026-03-11T10:00:00Z"))), "since-you-wrote.restitution").text());
        CaseSnapshot.Fact credit = fact(FactKind.MAKE_GOOD_ISSUED, MakeGoodKind.ACCOUNT_CREDIT, "2026-03-02T10:00:00Z");
        assertEquals("We know it is not put right for you yet, and we are staying on it with you directly.",
                sentence(draft(text, record(Fault.SHARED, credit, fact(FactKind.FEEDBACK, "NOT_FIXED",
                        "2026-03-05T10:00:00Z"))), "apology.restitution").text());
        // A "yes, fixed" after the "not yet" stands: the newest answer counts.
        assertEquals("We have put it right with you directly.", sentence(draft(text, record(Fault.SHARED, credit,
                fact(FactKind.FEEDBACK, "NOT_FIXED", "2026-03-05T10:00:00Z"),
                fact(FactKind.FEEDBACK, "FIXED", "2026-03-07T10:00:00Z"))), "apology.restitution").text());
    }

    @Test
    void aGoodReviewOfACaseWeMadeGoodThanksForTheRecoveryToo() {
        PostedReview good = new PostedReview("GOOGLE", 5, "Priya S.", "Great delivery this time, arrived early.",
                WRITTEN, "ORD-2026-0311", null);
        CaseSnapshot record = record(Fault.COMPANY, fact(FactKind.MAKE_GOOD_ISSUED, MakeGoodKind.REFUND,
                "2026-03-02T08:00:00Z"));
        Draft draft = writer.write(good, strong(record), Optional.of(record));
        assertEquals("Thank you for the kind words about our delivery.", sentence(draft, "thanks").text());
        assertEquals("We are glad we could put things right for you.", sentence(draft, "thanks.recovery").text());
        // A suggestion is never used: no recovery is assumed.
        Draft suggested = writer.write(good, Match.none("none"), Optional.of(record));
        assertTrue(suggested.sentences().stream().noneMatch(s -> s.rule().equals("thanks.recovery")));
    }

    @Test
    void aClaimTheRecordDoesNotContradictGetsNoCounterpoint() {
        CaseSnapshot record = record(Fault.COMPANY,
                fact(FactKind.MAKE_GOOD_ISSUED, MakeGoodKind.ACCOUNT_CREDIT, "2026-03-02T08:00:00Z"));
        Draft draft = draft("I never got my refund and nobody answered.", record);
        assertTrue(draft.counterpoints().isEmpty(), "a credit is not a refund, and no reply is on record");
        assertEquals("We have put it right with you directly.", sentence(draft, "apology.restitution").text());
    }

    @Test
    void aSuggestedMatchIsNeverUsedAsFact() {
        CaseSnapshot record = record(Fault.COMPANY,
                fact(FactKind.MAKE_GOOD_ISSUED, MakeGoodKind.REFUND, "2026-03-02T08:00:00Z"));
        Match weak = new Match(MatchStrength.WEAK, new BigDecimal("0.60"), "name and time", "C-1",
                record.complaintId());
        Draft draft = writer.write(poor("I never got my refund."), weak, Optional.of(record));
        assertTrue(draft.counterpoints().isEmpty());
        assertFalse(draft.text().contains("our mistake"), "the fault is not known without a fact match");
        assertTrue(sentence(draft, "invite-offline").text().startsWith("Please get in touch"));
    }

    @Test
    void companyFaultGivesAllFiveApologyPartsInOrder() {
        Draft draft = draft("The fridge came two weeks late.", record(Fault.COMPANY));
        List<String> rules = draft.sentences().stream().map(Sentence::rule).toList();
        assertEquals(List.of("greeting", "acknowledge", "apology.regret", "apology.responsibility",
                "apology.restitution", "apology.repentance", "apology.forgiveness", "invite-offline", "sign-off"), rules);
        assertTrue(draft.text().startsWith("Hi Priya,\n\nThank you for telling us plainly how the delivery"),
                draft.text());
        assertTrue(draft.text().endsWith("\n\n\u2014 Maya, Customer Care at Hearth & Home"));
    }

    @Test
    void customerFaultMakesNoFalseAdmissionAndNoLecture() {
        Draft draft = draft("The courier left it with a neighbour I don't know.", record(Fault.CUSTOMER));
        List<String> rules = draft.sentences().stream().map(Sentence::rule).toList();
        assertFalse(rules.contains("apology.responsibility"));
        assertFalse(rules.contains("apology.forgiveness"));
        assertFalse(rules.contains("apology.repentance"));
        assertTrue(rules.contains("apology.regret"));
        assertTrue(rules.contains("apology.restitution"));
    }

    @Test
    void aGoodReviewIsThankedForWhatItPraised() {
        PostedReview good = new PostedReview("GOOGLE", 5, "Jonas", "Super helpful staff, sorted it in minutes.",
                WRITTEN, null, null);
        Draft draft = writer.write(good, Match.none("none"), Optional.empty());
        assertEquals("Hi Jonas,\n\nThank you for the kind words about the colleague who helped you and about how we "
                + "put things right. We have passed your words on to them.\n\n\u2014 Maya, Customer Care at Hearth & Home",
                draft.text());
    }

    @Test
    void aNameThatIsNotANameIsNotGreeted() {
        PostedReview review = new PostedReview("GOOGLE", 2, "user8812@mail", "Bad.", WRITTEN, null, null);
        assertEquals("Hello,", writer.write(review, Match.none("none"), Optional.empty()).sentences().get(0).text());
    }

    /** Every kind of review, record and match: no draft ever breaks a public rule or the tone check. */
    @Test
    void noDraftEverBreaksThePublicRules() {
        List<String> texts = List.of("", "Great service, thanks!", "Delivery was late, I never got my refund and "
                + "nobody answered. Not even an apology. Got nothing. I never received a replacement.",
                "They charged me twice for one bill and refused to refund it. £39.90 gone.",
                "Broken kettle, nobody replied.", "Die Lieferung kam zwei Wochen zu spät, keine Entschuldigung, "
                + "niemand hat sich gemeldet und mein Geld habe ich nie zurückbekommen.",
                "Frau Weber an der Hotline war super freundlich und hat alles schnell gelöst.");
        List<CaseSnapshot.Fact> all = List.of(
                fact(FactKind.MAKE_GOOD_ISSUED, MakeGoodKind.REFUND, "2026-03-02T08:00:00Z"),
                fact(FactKind.MAKE_GOOD_SETTLED, MakeGoodKind.REFUND, "2026-03-03T08:00:00Z"),
                fact(FactKind.MAKE_GOOD_ISSUED, MakeGoodKind.REPLACEMENT, "2026-03-12T08:00:00Z"),
                fact(FactKind.MAKE_GOOD_ISSUED, MakeGoodKind.WAIVED_FEE, "2026-03-02T08:00:00Z"),
                fact(FactKind.REPLIED, MessageKind.APOLOGY, "2026-03-01T10:05:00Z"),
                fact(FactKind.ESCALATED, "SUPERVISOR", "2026-03-01T10:01:00Z"),
                fact(FactKind.ESCALATION_DECLINED, "SUPERVISOR", "2026-03-11T10:01:00Z"),
                fact(FactKind.FEEDBACK, "NOT_FIXED", "2026-03-13T10:01:00Z"));
        int checked = 0;
        for (String text : texts) {
            for (int rating = 1; rating <= 5; rating++) {
                for (Fault fault : Fault.values()) {
                    for (MatchStrength strength : MatchStrength.values()) {
                        CaseSnapshot record = record(fault, all.toArray(CaseSnapshot.Fact[]::new));
                        Match match = new Match(strength, BigDecimal.ONE, "test", "C-1", record.complaintId());
                        PostedReview review = new PostedReview("GOOGLE", rating, "Priya S.", text, WRITTEN, null, null);
                        Draft draft = writer.write(review, match, Optional.of(record));
                        List<PublicCheck.Finding> findings = PublicCheck.check(draft.text(),
                                new PublicCheck.Context(text, "Priya S.", strength.isFact() ? fault : Fault.UNKNOWN,
                                        new ArrayList<>(List.of(record.customerName(),
                                                record.orderReference()))));
                        assertEquals(List.of(), findings, draft.text());
                        assertTrue(draft.sentences().stream().allMatch(s -> !s.rule().isBlank() && !s.because().isBlank()));
                        checked++;
                    }
                }
            }
        }
        assertEquals(7 * 5 * Fault.values().length * MatchStrength.values().length, checked);
    }
}
