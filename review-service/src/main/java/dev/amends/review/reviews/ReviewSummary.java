package dev.amends.review.reviews;

import dev.amends.review.matching.MatchStrength;
import java.time.Instant;
import java.util.UUID;

/** A line of the review queue. */
public record ReviewSummary(UUID id, Platform platform, int rating, String authorName, String excerpt,
        Instant writtenAt, ReviewStatus status, MatchStrength match, UUID complaintId, boolean hasFindings,
        String publishError) {

    private static final int EXCERPT = 140;

    public static ReviewSummary of(Review r) {
        String excerpt = r.text.length() <= EXCERPT ? r.text : r.text.substring(0, EXCERPT - 1) + "…";
        return new ReviewSummary(r.id, r.platform, r.rating, r.authorName, excerpt, r.writtenAt, r.status,
                r.matchStrength, r.complaintId, !"[]".equals(r.findings), r.publishError);
    }
}
