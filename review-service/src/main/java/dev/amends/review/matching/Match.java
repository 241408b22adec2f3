package dev.amends.review.matching;

import java.math.BigDecimal;
import java.util.UUID;

/** Which complaint a review is about, how sure we are (0 to 1), and why, in words. */
public record Match(MatchStrength strength, BigDecimal confidence, String reason, String customerId,
        UUID complaintId) {

    public static Match none(String reason) {
        return new Match(MatchStrength.NONE, BigDecimal.ZERO.setScale(2), reason, null, null);
    }

    public static Match confirmed(String customerId, UUID complaintId, String by) {
        return new Match(MatchStrength.CONFIRMED, BigDecimal.ONE.setScale(2),
                "Confirmed by " + by + " after checking the case record.", customerId, complaintId);
    }
}
