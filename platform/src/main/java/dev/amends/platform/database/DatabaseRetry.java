package dev.amends.platform.database;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Work that must not be dropped because the database is briefly away (restarting, failing over,
 * out of connections): an event taken from Kafka, the outcome of a message already sent. Each try
 * is a transaction of its own; tries follow each other with growing pauses, up to five seconds
 * apart, for ten minutes at most, after which the failure is the caller's again. A deadlock or a
 * serialization failure between two transactions is tried again too: the other one has committed
 * by then. Any other failure is not retried: a wrong event or a bug does not get better by waiting.
 * The policy is on the class, so both forms of the call share it.
 */
@ApplicationScoped
@Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 10, durationUnit = ChronoUnit.MINUTES)
@ExponentialBackoff(maxDelay = 5, maxDelayUnit = ChronoUnit.SECONDS)
@RetryWhen(exception = DatabaseRetry.WorthRetrying.class)
public class DatabaseRetry {

    public void inNewTransaction(Runnable work) {
        QuarkusTransaction.requiringNew().run(work);
    }

    /** As {@link #inNewTransaction(Runnable)}, each try in a transaction the reaper aborts after {@code timeout}. */
    public void inNewTransaction(Duration timeout, Runnable work) {
        QuarkusTransaction.requiringNew().timeout(seconds(timeout)).run(work);
    }

    /**
     * Tried again only while the database is away: a deadlock, a timeout or any other failure is the
     * caller's at once, for a caller that has something better to do than the same work again (the
     * inbox splits a batch).
     */
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 10, durationUnit = ChronoUnit.MINUTES)
    @ExponentialBackoff(maxDelay = 5, maxDelayUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = DatabaseUnreachable.class)
    public void whileReachable(Duration timeout, Runnable work) {
        QuarkusTransaction.requiringNew().timeout(seconds(timeout)).run(work);
    }

    private static int seconds(Duration timeout) {
        return (int) Math.max(1, timeout.toSeconds());
    }

    /** The database was away, or this transaction lost a deadlock or a serialization conflict. */
    public static final class WorthRetrying implements Predicate<Throwable> {

        private final DatabaseUnreachable unreachable = new DatabaseUnreachable();
        private final Conflict conflict = new Conflict();

        @Override
        public boolean test(Throwable failure) {
            return unreachable.test(failure) || conflict.test(failure);
        }
    }

    /** The transaction lost a deadlock (40P01) or a serialization conflict (40001) to another one. */
    public static final class Conflict implements Predicate<Throwable> {

        private static final Set<String> STATES = Set.of("40P01", "40001");

        @Override
        public boolean test(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof SQLException sql && STATES.contains(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        }
    }
}
