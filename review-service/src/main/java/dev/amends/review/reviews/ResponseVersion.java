package dev.amends.review.reviews;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One text a response has had, and why it was written: drafted, redrafted because the review or
 * the case record changed, or edited by a person. The newest is the one to approve.
 */
@Entity
@Table(name = "response_version")
public class ResponseVersion extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "review_id") UUID reviewId, int version) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String text;

    @Column(nullable = false)
    public String draft;

    @Column(nullable = false)
    public String findings;

    @Column(nullable = false)
    public String cause;

    @Column(name = "written_by")
    public String writtenBy;

    @Column(name = "written_at", nullable = false)
    public Instant writtenAt;

    /** The response's text as it stands now, kept as its current version. */
    static ResponseVersion of(Review review, String cause, String by, Instant now) {
        ResponseVersion v = new ResponseVersion();
        v.key = new Key(review.id, review.responseVersion);
        v.text = review.responseText;
        v.draft = review.draft;
        v.findings = review.findings;
        v.cause = cause;
        v.writtenBy = by;
        v.writtenAt = now;
        return v;
    }

    static List<ResponseVersion> of(UUID reviewId) {
        return list("key.reviewId = ?1 order by key.version", reviewId);
    }

    static Optional<ResponseVersion> find(UUID reviewId, int version) {
        return findByIdOptional(new Key(reviewId, version));
    }
}
