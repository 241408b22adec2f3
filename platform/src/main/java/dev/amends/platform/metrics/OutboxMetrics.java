package dev.amends.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox as operations watch it: how many events wait to be published and how long the oldest
 * has waited. A growing age means the broker or the relay is stuck while the service still accepts
 * work. Read from the table every few seconds, so a scrape never queries the database.
 */
@ApplicationScoped
public class OutboxMetrics {

    private final EntityManager entityManager;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();

    OutboxMetrics(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        Gauge.builder("amends.outbox.backlog", backlog, AtomicLong::get)
                .description("Events committed but not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("amends.outbox.oldest.unsent.age", oldestAgeMillis, a -> a.get() / 1000.0)
                .description("How long the oldest unsent event has waited")
                .baseUnit("seconds")
                .register(registry);
    }

    @Scheduled(every = "${amends.metrics.refresh-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void refresh() {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                select count(*), coalesce(extract(epoch from now() - min(occurred_at)) * 1000, 0)
                from amends_outbox
                """).getSingleResult();
        backlog.set(((Number) row[0]).longValue());
        oldestAgeMillis.set(Math.max(0, ((Number) row[1]).longValue()));
    }
}
