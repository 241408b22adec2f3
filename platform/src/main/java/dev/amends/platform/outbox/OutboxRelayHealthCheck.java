package dev.amends.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the relay runs and its last attempt to publish succeeded. */
@Readiness
@ApplicationScoped
public class OutboxRelayHealthCheck implements HealthCheck {

    private final OutboxRelay relay;
    private final EntityManager entityManager;

    OutboxRelayHealthCheck(OutboxRelay relay, EntityManager entityManager) {
        this.relay = relay;
        this.entityManager = entityManager;
    }

    @Override
    @Transactional
    public HealthCheckResponse call() {
        Object[] backlog = (Object[]) entityManager.createNativeQuery("""
                select count(*), coalesce(extract(epoch from now() - min(occurred_at)), 0)
                from amends_outbox
                """).getSingleResult();
        String failure = relay.lastFailure();
        return HealthCheckResponse.named("outbox-relay")
                .status(relay.isRunning() && failure == null)
                .withData("unpublished", ((Number) backlog[0]).longValue())
                .withData("oldestUnpublishedSeconds", ((Number) backlog[1]).longValue())
                .withData("lastFailure", failure == null ? "none" : failure)
                .build();
    }
}
