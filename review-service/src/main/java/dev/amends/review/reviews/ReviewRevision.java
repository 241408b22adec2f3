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
import java.util.UUID;

/** One version of a review as its author wrote it; an edit on the platform adds the next. */
@Entity
@Table(name = "review_revision")
public class ReviewRevision extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "review_id") UUID reviewId, int revision) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public int rating;

    @Column(nullable = false)
    public String text;

    @Column(name = "edited_at", nullable = false)
    public Instant editedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    static ReviewRevision of(UUID reviewId, int revision, int rating, String text, Instant editedAt, Instant now) {
        ReviewRevision r = new ReviewRevision();
        r.key = new Key(reviewId, revision);
        r.rating = rating;
        r.text = text;
        r.editedAt = editedAt;
        r.receivedAt = now;
        return r;
    }

    static List<ReviewRevision> of(UUID reviewId) {
        return list("key.reviewId = ?1 order by key.revision", reviewId);
    }
}
