package dev.amends.notification.followup;

import dev.amends.contract.complaint.ContactChannel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A customer's answer to one follow-up; there is one at most. */
@Entity
@Table(name = "feedback")
public class Feedback extends PanacheEntityBase {

    @Id
    @Column(name = "follow_up_id")
    public UUID followUpId;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(nullable = false)
    public int round;

    @Column(nullable = false)
    public boolean fixed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContactChannel channel;

    @Column(name = "answered_at", nullable = false)
    public Instant answeredAt;
}
