package dev.amends.review.reviews;

import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.problem.ProblemType;
import dev.amends.review.language.ReviewLanguage;
import dev.amends.review.matching.Match;
import dev.amends.review.matching.MatchStrength;
import dev.amends.review.matching.PostedReview;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A review on an outside platform, what it is matched to, and our public response to it: drafted,
 * edited, approved or rejected by a person, then published.
 */
@Entity
@Table(name = "review")
public class Review extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Platform platform;

    @Column(name = "platform_review_id", nullable = false)
    public String platformReviewId;

    @Column(nullable = false)
    public int rating;

    @Column(name = "author_name", nullable = false)
    public String authorName;

    @Column(nullable = false)
    public String text;

    @Column(name = "written_at", nullable = false)
    public Instant writtenAt;

    /** When the author last changed it on the platform; equal to writtenAt until they do. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "order_reference")
    public String orderReference;

    @Column(name = "author_email")
    public String authorEmail;

    /** The e-mail's digest and the name as matching compares it, as a case record that arrives later looks the review up by. */
    @Column(name = "author_email_digest")
    public String authorEmailDigest;

    @Column(name = "author_name_key")
    public String authorNameKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewLanguage language;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "match_strength", nullable = false)
    public MatchStrength matchStrength;

    @Column(name = "match_confidence", nullable = false)
    public BigDecimal matchConfidence;

    @Column(name = "match_reason", nullable = false)
    public String matchReason;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "complaint_id")
    public UUID complaintId;

    @Column(name = "matched_by")
    public String matchedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewStatus status;

    @Column(name = "response_text", nullable = false)
    public String responseText;

    /** One more for every new text, so a publish of an older text never marks a newer one published. */
    @Column(name = "response_version", nullable = false)
    public int responseVersion;

    @Column(nullable = false)
    public String draft;

    @Column(nullable = false)
    public String findings;

    @Column(name = "edited_by")
    public String editedBy;

    @Column(name = "edited_at")
    public Instant editedAt;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "rejected_by")
    public String rejectedBy;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "publish_attempts", nullable = false)
    public int publishAttempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(name = "publish_error")
    public String publishError;

    /** When the reviewer first got an answer; an updated reply later does not move it. */
    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    public PostedReview posted() {
        return new PostedReview(platform.name(), rating, authorName, text, updatedAt, orderReference, authorEmail,
                language);
    }

    void matched(Match match) {
        matchStrength = match.strength();
        matchConfidence = match.confidence();
        matchReason = match.reason();
        customerId = match.customerId();
        complaintId = match.complaintId();
    }

    public Match match() {
        return new Match(matchStrength, matchConfidence, matchReason, customerId, complaintId);
    }

    /** A new text to approve: a fresh draft, or a person's edit; either needs approval again. */
    void newText(String text, String draftJson, String findingsJson) {
        responseText = text;
        draft = draftJson;
        findings = findingsJson;
        responseVersion++;
        status = ReviewStatus.DRAFTED;
        approvedBy = null;
        approvedAt = null;
        publishError = null;
        publishAttempts = 0;
        nextAttemptAt = null;
    }

    void approve(String by, Instant now, boolean platformHasApi) {
        expect(Set.of(ReviewStatus.DRAFTED), "approve");
        approvedBy = by;
        approvedAt = now;
        rejectedBy = null;
        rejectionReason = null;
        status = platformHasApi ? ReviewStatus.APPROVED : ReviewStatus.POST_BY_HAND;
        nextAttemptAt = platformHasApi ? now : null;
    }

    void reject(String by, String reason) {
        expect(Set.of(ReviewStatus.DRAFTED, ReviewStatus.FAILED, ReviewStatus.POST_BY_HAND), "reject");
        rejectedBy = by;
        rejectionReason = reason;
        status = ReviewStatus.REJECTED;
        nextAttemptAt = null;
    }

    /** True when this is the first answer the reviewer gets (not an update of an earlier reply). */
    boolean postedByHand(String by, Instant now) {
        expect(Set.of(ReviewStatus.POST_BY_HAND, ReviewStatus.FAILED), "mark as posted");
        status = ReviewStatus.PUBLISHED;
        publishedBy = by;
        publishError = null;
        boolean first = publishedAt == null;
        if (first) {
            publishedAt = now;
        }
        return first;
    }

    void retry(Instant now) {
        expect(Set.of(ReviewStatus.FAILED), "retry");
        status = ReviewStatus.APPROVED;
        publishAttempts = 0;
        nextAttemptAt = now;
    }

    boolean answered() {
        return status == ReviewStatus.PUBLISHED;
    }

    private void expect(Set<ReviewStatus> allowed, String what) {
        if (!allowed.contains(status)) {
            throw new ProblemException(409, ProblemType.CONFLICT, "The response is " + status,
                    "A response that is " + status + " cannot " + what + "; it can when it is one of " + allowed + ".");
        }
    }
}
