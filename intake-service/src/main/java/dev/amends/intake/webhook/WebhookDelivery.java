package dev.amends.intake.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One status change on its way to one subscription, with what happened on each attempt. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    /** CANCELLED: its webhook was stopped before it could be delivered. */
    public enum Status {
        PENDING, DELIVERED, FAILED, CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "give_up_at", nullable = false)
    public Instant giveUpAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    void delivered(int statusCode, Instant now) {
        attempts++;
        lastAttemptAt = now;
        lastStatusCode = statusCode;
        lastError = null;
        status = Status.DELIVERED;
        deliveredAt = now;
    }

    void cancelled(Instant now) {
        status = Status.CANCELLED;
        lastError = "not sent: the webhook was stopped";
        lastAttemptAt = now;
    }

    /** Schedules the next attempt with exponential backoff, or gives up once the retry window is over. */
    void failed(Integer statusCode, String error, Instant now, WebhookConfig config) {
        attempts++;
        lastAttemptAt = now;
        lastStatusCode = statusCode;
        lastError = error;
        Duration wait = config.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
        if (wait.compareTo(config.maxRetryInterval()) > 0) {
            wait = config.maxRetryInterval();
        }
        if (now.isAfter(giveUpAt)) {
            status = Status.FAILED;
        } else {
            nextAttemptAt = now.plus(wait);
        }
    }
}
