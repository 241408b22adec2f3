package dev.amends.intake.complaint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An open question about a complaint, shown on it until someone answers. */
@Entity
@Table(name = "complaint_question")
public class Question extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "complaint_id")
    public Complaint complaint;

    @Column(nullable = false)
    public String question;

    @Column(name = "asked_by", nullable = false)
    public String askedBy;

    @Column(name = "asked_at", nullable = false)
    public Instant askedAt;

    public String answer;

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "answered_at")
    public Instant answeredAt;

    boolean isOpen() {
        return answeredAt == null;
    }
}
