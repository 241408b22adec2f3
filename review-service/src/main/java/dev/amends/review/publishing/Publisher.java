package dev.amends.review.publishing;

import dev.amends.review.ReviewConfig;
import dev.amends.review.reviews.Platform;
import dev.amends.review.reviews.Review;
import dev.amends.review.reviews.ReviewMetrics;
import dev.amends.review.reviews.ReviewStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Posts approved responses to their platforms: claims due ones ({@code FOR UPDATE SKIP LOCKED}, with
 * a lease, so several instances share the work), posts each outside any transaction, and records
 * the outcome. Platform replies replace the previous reply, so a post whose answer was lost (the
 * instance died, the lease ran out) is simply posted again. Failures back off with jitter until
 * they are marked FAILED with the platform's reason, for a person to fix and retry.
 */
@ApplicationScoped
public class Publisher {

    private static final Logger LOG = Logger.getLogger(Publisher.class);
    private static final int BATCH = 10;

    private final ReviewConfig.Publishing config;
    private final Map<Platform, ReplyApi> apis = new EnumMap<>(Platform.class);
    private final ReviewMetrics metrics;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "amends-review-publisher");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopping;

    Publisher(ReviewConfig config, Instance<ReplyApi> apis, ReviewMetrics metrics) {
        this.config = config.publishing();
        apis.forEach(api -> this.apis.put(api.platform(), api));
        this.metrics = metrics;
    }

    /** True when an approved response for this platform is posted by us, not pasted by a person. */
    public boolean canPost(Platform platform) {
        ReplyApi api = apis.get(platform);
        return api != null && api.configured();
    }

    public void wake() {
        again.set(true);
        if (!stopping && draining.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    @Scheduled(every = "${amends.review.publishing.poll:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        wake();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        try {
            while (again.getAndSet(false) && !stopping) {
                List<Reply> claimed;
                do {
                    claimed = QuarkusTransaction.requiringNew().call(this::claim);
                    for (Reply reply : claimed) {
                        PostOutcome outcome = apis.get(Platform.valueOf(reply.platform()))
                                .post(reply.platformReviewId(), reply.text());
                        QuarkusTransaction.requiringNew().run(() -> record(reply, outcome));
                    }
                } while (claimed.size() == BATCH && !stopping);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Publishing responses failed; trying again at the next tick");
        } finally {
            draining.set(false);
            if (again.get() && !stopping) {
                wake();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Reply> claim() {
        Instant now = Instant.now();
        List<Object[]> rows = Review.getEntityManager().createNativeQuery("""
                update review set claimed_until = ?1, publish_attempts = publish_attempts + 1
                where id in (select id from review
                             where status = 'APPROVED' and next_attempt_at <= ?2
                               and (claimed_until is null or claimed_until < ?2)
                             order by next_attempt_at limit ?3
                             for update skip locked)
                returning id, response_version, platform, platform_review_id, response_text
                """).setParameter(1, now.plus(config.lease())).setParameter(2, now).setParameter(3, BATCH)
                .getResultList();
        return rows.stream().map(r -> new Reply((UUID) r[0], ((Number) r[1]).intValue(), (String) r[2],
                (String) r[3], (String) r[4])).toList();
    }

    private void record(Reply reply, PostOutcome outcome) {
        Review review = Review.findById(reply.reviewId(), LockModeType.PESSIMISTIC_WRITE);
        if (review == null || review.status != ReviewStatus.APPROVED || review.responseVersion != reply.version()) {
            // A person edited the response meanwhile; the newer text waits for its own approval.
            return;
        }
        review.claimedUntil = null;
        String platform = reply.platform();
        if (outcome instanceof PostOutcome.Posted) {
            review.status = ReviewStatus.PUBLISHED;
            review.publishedBy = platform.toLowerCase() + " reply API";
            review.publishError = null;
            review.nextAttemptAt = null;
            if (review.publishedAt == null) {
                review.publishedAt = Instant.now();
                metrics.answered(review.platform, Duration.between(review.writtenAt, review.publishedAt));
            }
        } else if (outcome instanceof PostOutcome.Retry retry && review.publishAttempts < config.maxAttempts()) {
            review.publishError = retry.reason();
            review.nextAttemptAt = Instant.now().plus(backoff(review.publishAttempts));
            metrics.publishFailed(review.platform, "retry");
        } else {
            review.status = ReviewStatus.FAILED;
            review.publishError = (outcome instanceof PostOutcome.Refused refused ? refused.reason()
                    : ((PostOutcome.Retry) outcome).reason() + " (gave up after " + review.publishAttempts
                            + " attempts)");
            review.nextAttemptAt = null;
            LOG.warnf("The response to review %s failed: %s", review.id, review.publishError);
            metrics.publishFailed(review.platform, "failed");
        }
    }

    /** Exponential from the first retry, capped, with equal jitter so instances do not retry in step. */
    private Duration backoff(int attempts) {
        long first = config.firstRetry().toMillis();
        long capped = Math.min(config.maxRetry().toMillis(), first << Math.min(attempts - 1, 20));
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
