package dev.amends.review.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.ContactSeal;
import dev.amends.contract.recovery.Fault;
import dev.amends.review.caserecord.CaseSnapshot;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReviewMatcherTest {

    private static final Instant WRITTEN = Instant.parse("2026-03-10T09:00:00Z");
    private final ReviewMatcher matcher = new ReviewMatcher(Duration.ofDays(60), Duration.ofDays(14));

    private static CaseSnapshot complaint(String customerId, String name, String email, String order,
            ComplaintCategory category, Instant received) {
        return new CaseSnapshot(UUID.randomUUID(), customerId, name, ContactSeal.emailDigest(email), order, category, Fault.COMPANY, received,
                List.of());
    }

    private static PostedReview review(String author, String text, String order, String email) {
        return new PostedReview("GOOGLE", 1, author, text, WRITTEN, order, email);
    }

    @Test
    void anOrderReferenceThePlatformGaveIsAStrongMatchEvenOutsideTheWindow() {
        CaseSnapshot old = complaint("C1", "Priya Shah", "priya@example.com", "ORD-77",
                ComplaintCategory.DELIVERY, WRITTEN.minus(Duration.ofDays(200)));
        Match match = matcher.match(review("P.", "late", "ord-77", null), List.of(old));
        assertEquals(MatchStrength.STRONG, match.strength());
        assertEquals(new BigDecimal("0.95"), match.confidence());
        assertEquals(old.complaintId(), match.complaintId());
        assertTrue(match.reason().contains("order reference"));
    }

    @Test
    void anEmailAddressPicksTheCustomersComplaintNearestToTheReview() {
        CaseSnapshot earlier = complaint("C1", "Priya Shah", "Priya@Example.com", null, ComplaintCategory.BILLING,
                WRITTEN.minus(Duration.ofDays(90)));
        CaseSnapshot recent = complaint("C1", "Priya Shah", "priya@example.com", null, ComplaintCategory.DELIVERY,
                WRITTEN.minus(Duration.ofDays(3)));
        Match match = matcher.match(review("Priya", "", null, "priya@example.com"), List.of(earlier, recent));
        assertEquals(MatchStrength.STRONG, match.strength());
        assertEquals(recent.complaintId(), match.complaintId());
        assertTrue(match.strength().isFact());
    }

    @Test
    void aFullNameWithinTheWindowIsOnlyASuggestion() {
        CaseSnapshot named = complaint("C2", "Zoë O'Brien", "zoe@example.com", null, ComplaintCategory.PRODUCT,
                WRITTEN.minus(Duration.ofDays(5)));
        Match match = matcher.match(review("zoe obrien", "The kettle was broken", null, null), List.of(named));
        assertEquals(MatchStrength.WEAK, match.strength());
        assertFalse(match.strength().isFact());
        assertEquals(new BigDecimal("0.70"), match.confidence(), "0.60 for the name, 0.10 as the topic agrees");
        assertTrue(match.reason().contains("like the complaint"), match.reason());
        assertTrue(match.reason().contains("suggestion"), match.reason());
    }

    @Test
    void aFirstNameAndInitialIsAWeakerSuggestion() {
        CaseSnapshot named = complaint("C3", "Tom Becker", null, null, ComplaintCategory.SERVICE,
                WRITTEN.plus(Duration.ofDays(2)));
        Match match = matcher.match(review("Tom B.", "Fine.", null, null), List.of(named));
        assertEquals(MatchStrength.WEAK, match.strength());
        assertEquals(new BigDecimal("0.40"), match.confidence());
    }

    @Test
    void twoCustomersWithTheSameNameShareTheConfidenceAndTheNearestIsSuggested() {
        CaseSnapshot far = complaint("C4", "Sam Lee", null, null, ComplaintCategory.OTHER,
                WRITTEN.minus(Duration.ofDays(40)));
        CaseSnapshot near = complaint("C5", "Sam Lee", null, null, ComplaintCategory.OTHER,
                WRITTEN.minus(Duration.ofDays(1)));
        Match match = matcher.match(review("Sam Lee", "", null, null), List.of(far, near));
        assertEquals(near.complaintId(), match.complaintId());
        assertEquals(new BigDecimal("0.30"), match.confidence());
        assertTrue(match.reason().contains("2 customers fit"), match.reason());
    }

    @Test
    void aNameThatFitsFourCustomersSuggestsNoneAndSaysWhatCanStillMatchIt() {
        List<CaseSnapshot> marias = List.of("C10", "C11", "C12", "C13").stream().map(id -> complaint(id, "Maria Garcia",
                null, null, ComplaintCategory.DELIVERY, WRITTEN.minus(Duration.ofDays(id.charAt(2) - '0' + 1)))).toList();
        Match three = matcher.match(review("Maria Garcia", "late", null, null), marias.subList(0, 3));
        assertEquals(MatchStrength.WEAK, three.strength());
        assertTrue(three.reason().contains("3 customers fit"), three.reason());

        Match byName = matcher.match(review("Maria Garcia", "late", null, null), marias);
        assertEquals(MatchStrength.AMBIGUOUS, byName.strength());
        assertNull(byName.complaintId(), "no one customer's case is pointed at");
        assertEquals(BigDecimal.ZERO.setScale(2), byName.confidence());
        assertTrue(byName.reason().startsWith("4 customers whose names are the reviewer's"), byName.reason());
        assertTrue(byName.reason().endsWith("Only a person can match it, after checking the case."), byName.reason());
        assertFalse(byName.strength().namesakeCanChange(), "a fifth Maria cannot make it less ambiguous");

        Match withOrder = matcher.match(review("Maria G.", "late", "ORD-77", null), marias);
        assertEquals(MatchStrength.AMBIGUOUS, withOrder.strength());
        assertTrue(withOrder.reason().startsWith("No case record has the order reference the platform gave (yet). "
                + "4 customers whose first names and initials fit"), withOrder.reason());
        assertTrue(withOrder.reason().contains("matched when a case with the order reference"), withOrder.reason());
    }

    @Test
    void aNameOutsideTheWindowOrNoEvidenceAtAllIsNoMatch() {
        CaseSnapshot tooOld = complaint("C6", "Ana Silva", null, null, ComplaintCategory.DELIVERY,
                WRITTEN.minus(Duration.ofDays(61)));
        Match outside = matcher.match(review("Ana Silva", "late again", null, null), List.of(tooOld));
        assertEquals(MatchStrength.NONE, outside.strength());
        assertNull(outside.complaintId());
        Match unknown = matcher.match(review("Someone", "meh", "ORD-1", "x@example.com"), List.of(tooOld));
        assertEquals(MatchStrength.NONE, unknown.strength());
        assertEquals(BigDecimal.ZERO.setScale(2), unknown.confidence());
    }

    @Test
    void aNameNeverSuggestsACaseWhoseOrderOrEmailContradictsTheReview() {
        CaseSnapshot other = complaint("C9", "Lena Fischer", "lena.f@example.com", "ORD-1", ComplaintCategory.DELIVERY,
                WRITTEN.minus(Duration.ofDays(2)));
        for (PostedReview review : List.of(review("Lena Fischer", "late", "ORD-2", null),
                review("Lena Fischer", "late", null, "someone.else@example.com"),
                review("Lena F.", "late", "ORD-2", "someone.else@example.com"))) {
            Match match = matcher.match(review, List.of(other));
            assertEquals(MatchStrength.NONE, match.strength(), review.toString());
            assertTrue(match.reason().startsWith("No case record has the "), match.reason());
        }
        Match weak = matcher.match(review("Lena Fischer", "late", null, null), List.of(other));
        assertEquals(MatchStrength.WEAK, weak.strength());
        assertTrue(weak.reason().startsWith("Weak suggestion (0.70 of 1.00). "), weak.reason());
    }
}
