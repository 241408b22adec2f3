package dev.amends.recovery.decision;

import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.LedgerLine;
import dev.amends.contract.recovery.MakeGoodIssued;
import dev.amends.platform.metrics.AfterCommit;
import dev.amends.recovery.policy.Decision;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The recovery figures on the operations dashboard: decisions by outcome and authority, make-goods
 * issued by kind and currency (their amounts summed exactly per currency, shown as a number),
 * escalations open, overdue, expired and resolved. Counted once the transaction commits.
 */
@ApplicationScoped
public class RecoveryMetrics {

    private final MeterRegistry registry;
    private final AfterCommit afterCommit;
    private final EntityManager entityManager;
    private final Map<AuthorityLevel, AtomicLong> open = new EnumMap<>(AuthorityLevel.class);
    private final Map<AuthorityLevel, AtomicLong> overdue = new EnumMap<>(AuthorityLevel.class);

    RecoveryMetrics(MeterRegistry registry, AfterCommit afterCommit, EntityManager entityManager) {
        this.registry = registry;
        this.afterCommit = afterCommit;
        this.entityManager = entityManager;
        for (AuthorityLevel level : List.of(AuthorityLevel.SUPERVISOR, AuthorityLevel.MANAGER)) {
            open.put(level, gauge("amends.escalations.open", "Escalations waiting for a person", level));
            overdue.put(level, gauge("amends.escalations.overdue", "Open escalations past their deadline", level));
        }
    }

    public void decided(Decision decision) {
        afterCommit.run(() -> registry.counter("amends.recoveries.decided",
                "outcome", decision.outcome().name(), "authority", decision.authority().name()).increment());
    }

    public void issued(MakeGoodIssued issued) {
        afterCommit.run(() -> {
            for (LedgerLine line : issued.entries()) {
                DistributionSummary.builder("amends.make.goods.issued")
                        .description("Make-goods written to the ledger; the sum is the amount in the currency")
                        .tags("kind", line.makeGood().kind().name(), "currency", line.makeGood().value().currency(),
                                "authority", issued.authority().name())
                        .register(registry)
                        .record(line.makeGood().value().amount().doubleValue());
            }
        });
    }

    public void escalationExpired(AuthorityLevel missedLevel) {
        afterCommit.run(() -> registry.counter("amends.escalations.expired", "level", missedLevel.name()).increment());
    }

    public void escalationResolved(String outcome, AuthorityLevel level, Duration waited) {
        afterCommit.run(() -> {
            registry.counter("amends.escalations.resolved", "outcome", outcome, "level", level.name()).increment();
            Timer.builder("amends.escalation.time.to.answer")
                    .description("From an escalation opened to a person approving or declining it")
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(waited);
        });
    }

    @Scheduled(every = "${amends.metrics.refresh-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void refreshEscalations() {
        open.values().forEach(count -> count.set(0));
        overdue.values().forEach(count -> count.set(0));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select level, count(*), count(*) filter (where due_at < now())
                from escalation where status = 'OPEN' group by level
                """).getResultList();
        for (Object[] row : rows) {
            AuthorityLevel level = AuthorityLevel.valueOf((String) row[0]);
            open.get(level).set(((Number) row[1]).longValue());
            overdue.get(level).set(((Number) row[2]).longValue());
        }
    }

    private AtomicLong gauge(String name, String description, AuthorityLevel level) {
        AtomicLong value = new AtomicLong();
        Gauge.builder(name, value, AtomicLong::get).description(description).tag("level", level.name())
                .register(registry);
        return value;
    }
}
