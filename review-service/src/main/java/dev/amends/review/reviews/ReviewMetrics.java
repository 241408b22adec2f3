package dev.amends.review.reviews;

import dev.amends.platform.metrics.AfterCommit;
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
 * The review figures operations and customer care watch: reviews coming in and their rating,
 * answers going out and how long reviewers waited, replies the platform refused, and the reviews
 * still waiting for an answer. Counted after commit, so a rolled-back request counts nothing.
 */
@ApplicationScoped
public class ReviewMetrics {

    private final MeterRegistry registry;
    private final AfterCommit afterCommit;
    private final EntityManager entityManager;
    private final Map<ReviewStatus, AtomicLong> waiting = new EnumMap<>(ReviewStatus.class);
    private final AtomicLong oldestWaitingSeconds = new AtomicLong();

    ReviewMetrics(MeterRegistry registry, AfterCommit afterCommit, EntityManager entityManager) {
        this.registry = registry;
        this.afterCommit = afterCommit;
        this.entityManager = entityManager;
        for (ReviewStatus status : ReviewStatus.UNANSWERED) {
            AtomicLong count = new AtomicLong();
            waiting.put(status, count);
            Gauge.builder("amends.reviews.unanswered", count, AtomicLong::get)
                    .description("Reviews without a public answer yet, by where their response stands")
                    .tag("status", status.name()).register(registry);
        }
        Gauge.builder("amends.reviews.oldest.unanswered.age", oldestWaitingSeconds, AtomicLong::get)
                .description("How long the oldest review without an answer has waited since it was written")
                .baseUnit("seconds").register(registry);
    }

    void received(Platform platform, int rating) {
        afterCommit.run(() -> {
            registry.counter("amends.reviews.received", "platform", platform.name(), "stars",
                    Integer.toString(rating)).increment();
            DistributionSummary.builder("amends.reviews.rating")
                    .description("The rating of each new review, for the average over time")
                    .tag("platform", platform.name()).register(registry).record(rating);
        });
    }

    /** The reviewer got their first answer after waiting this long (an updated reply is not counted). */
    public void answered(Platform platform, Duration waited) {
        afterCommit.run(() -> {
            registry.counter("amends.reviews.answered", "platform", platform.name()).increment();
            Timer.builder("amends.reviews.time.to.answer")
                    .description("From a review written to its first public answer")
                    .publishPercentileHistogram()
                    .tag("platform", platform.name()).register(registry)
                    .record(waited.isNegative() ? Duration.ZERO : waited);
        });
    }

    /** A reply did not reach the platform: {@code retry} for now, {@code failed} for good. */
    public void publishFailed(Platform platform, String outcome) {
        afterCommit.run(() -> registry.counter("amends.reviews.publish.failed", "platform", platform.name(),
                "outcome", outcome).increment());
    }

    @Scheduled(every = "${amends.metrics.refresh-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void refreshWaiting() {
        waiting.values().forEach(count -> count.set(0));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select status, count(*), coalesce(extract(epoch from now() - min(written_at)), 0)
                from review where status in ('DRAFTED', 'APPROVED', 'POST_BY_HAND', 'FAILED') group by status
                """).getResultList();
        long oldest = 0;
        for (Object[] row : rows) {
            waiting.get(ReviewStatus.valueOf((String) row[0])).set(((Number) row[1]).longValue());
            oldest = Math.max(oldest, ((Number) row[2]).longValue());
        }
        oldestWaitingSeconds.set(oldest);
    }
}
