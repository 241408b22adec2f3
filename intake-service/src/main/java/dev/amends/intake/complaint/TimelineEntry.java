package dev.amends.intake.complaint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "timeline_entry")
public class TimelineEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "complaint_id")
    public Complaint complaint;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LearnStage stage;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TimelineEvent event;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String actor;

    public String detail;

    static TimelineEntry of(Complaint complaint, TimelineEvent event, Instant occurredAt, String actor, String detail) {
        TimelineEntry entry = new TimelineEntry();
        entry.complaint = complaint;
        entry.stage = event.stage();
        entry.event = event;
        entry.occurredAt = occurredAt;
        entry.actor = actor;
        entry.detail = detail;
        return entry;
    }
}
