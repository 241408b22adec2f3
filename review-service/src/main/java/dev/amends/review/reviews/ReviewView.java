package dev.amends.review.reviews;

import dev.amends.review.drafting.Counterpoint;
import dev.amends.review.drafting.Sentence;
import dev.amends.review.language.ReviewLanguage;
import dev.amends.review.matching.MatchStrength;
import dev.amends.review.publictext.PublicCheck;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A review with everything an approver needs: what was written (and every earlier version), what
 * it is matched to and why, and the response with its rules, counterpoints and evidence.
 */
public record ReviewView(UUID id, String tenant, Platform platform, String platformReviewId, int rating,
        String authorName, String text, ReviewLanguage language, Instant writtenAt, Instant updatedAt,
        String orderReference, Instant receivedAt, MatchView match, ResponseView response, List<RevisionView> revisions) {

    /** {@code usedAsFact} is false for a suggestion: the draft does not rest on it. */
    public record MatchView(MatchStrength strength, BigDecimal confidence, String reason, boolean usedAsFact,
            String customerId, UUID complaintId, String caseRecord, String confirmedBy) {
    }

    public record ResponseView(ReviewStatus status, String text, int version, List<Sentence> sentences,
            List<Counterpoint> counterpoints, List<PublicCheck.Finding> findings, String editedBy, Instant editedAt,
            String approvedBy, Instant approvedAt, String rejectedBy, String rejectionReason, int publishAttempts,
            Instant nextAttemptAt, String publishError, Instant publishedAt, String publishedBy,
            List<VersionView> versions) {
    }

    /** One text the response has had, why it was written, and what changed from the one before. */
    public record VersionView(int version, String text, String cause, String writtenBy, Instant writtenAt,
            List<VersionChanges.Change> changes) {
    }

    public record RevisionView(int revision, int rating, String text, Instant editedAt, Instant receivedAt) {
    }
}
