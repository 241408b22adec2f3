package dev.amends.intake.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A CRM's request to be told about status changes, at a URL, signed with its secret. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Column(nullable = false)
    public String url;

    @Column(name = "event_types", nullable = false)
    public String eventTypes;

    @Column(nullable = false)
    public String secret;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    List<String> eventTypeList() {
        return Arrays.asList(eventTypes.split(","));
    }

    boolean wants(String eventType) {
        return eventTypeList().contains(eventType);
    }

    static Optional<WebhookSubscription> ofTenant(UUID id, String tenant) {
        return WebhookSubscription.<WebhookSubscription>findByIdOptional(id).filter(s -> s.tenant.equals(tenant));
    }

    static List<WebhookSubscription> activeFor(String tenant) {
        return list("tenant = ?1 and active = true", tenant);
    }
}
