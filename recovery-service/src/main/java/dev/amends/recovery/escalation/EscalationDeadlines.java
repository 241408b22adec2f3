package dev.amends.recovery.escalation;

import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.platform.outbox.Outbox;
import dev.amends.recovery.decision.RecoveryMetrics;
import dev.amends.recovery.policy.Policies;
import dev.amends.recovery.policy.RecoveryPolicy;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Moves every escalation whose deadline passed up a level: a supervisor's goes to a manager, a
 * manager's gets a new deadline and is announced again, so it is never left waiting in silence.
 * {@code SKIP LOCKED} lets several instances share the work without moving one escalation twice.
 */
@ApplicationScoped
public class EscalationDeadlines {

    private static final Logger LOG = Logger.getLogger(EscalationDeadlines.class);
    private static final int BATCH = 100;

    private final EntityManager entityManager;
    private final Policies policies;
    private final Outbox outbox;
    private final RecoveryMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    EscalationDeadlines(EntityManager entityManager, Policies policies, Outbox outbox, RecoveryMetrics metrics) {
        this.entityManager = entityManager;
        this.policies = policies;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    @Scheduled(every = "${amends.recovery.escalations.check-every}", delayed = "${amends.recovery.escalations.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void moveUpOverdue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        @SuppressWarnings("unchecked")
        List<Escalation> overdue = entityManager.createNativeQuery("""
                select * from escalation where status = 'OPEN' and due_at <= ?1
                order by due_at limit ?2 for update skip locked
                """, Escalation.class)
                .setParameter(1, now)
                .setParameter(2, BATCH)
                .getResultList();
        if (overdue.isEmpty()) {
            return;
        }
        for (Escalation escalation : overdue) {
            RecoveryPolicy policy = policies.active(escalation.tenant);
            var next = policy.plan(AuthorityLevel.MANAGER, escalation.overService, now,
                    escalation.owner + " did not answer by " + escalation.dueAt);
            var expired = escalation.expire(next, now);
            outbox.record(expired, now);
            metrics.escalationExpired(expired.expiredLevel());
            LOG.infof("Escalation %s: %s missed the %s deadline; now with %s until %s", escalation.id,
                    expired.expiredOwner(), expired.expiredDueAt(), next.owner(), next.dueAt());
        }
    }
}
