package dev.amends.review.reviews;

import dev.amends.review.matching.MatchStrength;
import java.time.Instant;
import java.util.UUID;

/** A line of the review queue. */
public record ReviewSummary(UUID id, Platform platform, int rating, String authorName, Instant writtenAt,
        ReviewStatus status, MatchStrength match, UUID complaintId, boolean hasFindings, String publishError) {

    static ReviewSummary of(Review r) {
        return new ReviewSummary(r.id, r.platform, r.rating, r.authorName, r.writtenAt, r.status, r.matchStrength,
                r.complaintId, !"[]".equals(r.findings), r.publishError);
    }
}
