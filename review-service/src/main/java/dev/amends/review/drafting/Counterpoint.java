package dev.amends.review.drafting;

import java.util.List;

/**
 * A factual correction in a public response: the reviewer's words it answers, the sentence that
 * states what the record shows, and the records it rests on. {@code sinceReview} marks the honest
 * case where the reviewer was right when they wrote, and the record shows it was done since.
 */
public record Counterpoint(Claim claim, String reviewerSaid, String statement, boolean sinceReview,
        List<Evidence> evidence) {
}
