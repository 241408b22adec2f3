package dev.amends.notification.promise;

import dev.amends.platform.database.Rows;
import dev.amends.contract.notification.MessageKind;
import dev.amends.contract.recovery.MakeGood;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.notification.NotificationConfig;
import dev.amends.notification.casefile.CaseFile;
import dev.amends.notification.message.CustomerMessage;
import dev.amends.notification.message.Messages;
import dev.amends.platform.metrics.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Every promise a message makes ("you will see it by Tuesday", "you will hear from us by 10:00")
 * is stored with its date. The event that keeps it marks it kept and, for a make-good, tells the
 * customer it is there; a date that passes first marks it broken, and the customer gets an honest
 * update instead of silence.
 */
@ApplicationScoped
public class Promises {

    private static final Logger LOG = Logger.getLogger(Promises.class);

    private final NotificationConfig.Promises config;
    private final Messages messages;
    private final MeterRegistry registry;
    private final AfterCommit afterCommit;

    Promises(NotificationConfig config, Messages messages, MeterRegistry registry, AfterCommit afterCommit) {
        this.config = config.promises();
        this.messages = messages;
        this.registry = registry;
        this.afterCommit = afterCommit;
    }

    /** When a make-good of this kind reaches the customer, counted in business days on their clock; empty: at once. */
    public Optional<Instant> settleBy(MakeGoodKind kind, ZoneId zone, Instant from) {
        Integer days = config.settleWithinBusinessDays().get(kind.name());
        if (days == null) {
            return Optional.empty();
        }
        ZonedDateTime day = from.atZone(zone);
        for (int added = 0; added < days;) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return Optional.of(day.with(LocalTime.of(23, 59)).toInstant());
    }

    /** Records a promise made in {@code message}; making the same promise again changes nothing. */
    public void make(CustomerMessage message, PromiseKind kind, String subject, MakeGood makeGood, Instant dueAt) {
        if (Rows.exist(Promise.class, "complaintId = ?1 and round = ?2 and kind = ?3 and subject = ?4",
                message.complaintId, message.round, kind, subject)) {
            return;
        }
        Promise promise = new Promise();
        promise.id = UUID.randomUUID();
        promise.tenant = message.tenant;
        promise.complaintId = message.complaintId;
        promise.customerId = message.customerId;
        promise.round = message.round;
        promise.kind = kind;
        promise.subject = subject;
        promise.makeGood = makeGood;
        promise.madeIn = message.id;
        promise.dueAt = dueAt;
        promise.status = PromiseStatus.OPEN;
        promise.persist();
    }

    /** The event that keeps these promises arrived; returns those it kept, late ones still BROKEN-marked first. */
    public List<Kept> keep(UUID complaintId, int round, PromiseKind kind, String subject) {
        Instant now = Instant.now();
        return Promise.unresolved(complaintId, round, kind).stream()
                .filter(p -> subject == null || p.subject.equals(subject))
                .map(p -> {
                    boolean late = p.status == PromiseStatus.BROKEN || now.isAfter(p.dueAt);
                    p.status = PromiseStatus.KEPT;
                    p.resolvedAt = now;
                    count(kind, late ? "kept-late" : "kept");
                    return new Kept(p, late);
                }).toList();
    }

    public record Kept(Promise promise, boolean late) {
    }

    /** The date passed first: an escalation's answer is overdue, and recovery-service said so. */
    public void broken(UUID complaintId, int round, PromiseKind kind) {
        Promise.unresolved(complaintId, round, kind).stream().filter(p -> p.status == PromiseStatus.OPEN)
                .forEach(p -> {
                    p.status = PromiseStatus.BROKEN;
                    p.resolvedAt = Instant.now();
                    count(kind, "broken");
                });
    }

    /**
     * A make-good that has not arrived by its date, plus a grace for the confirming event to come
     * through: marked broken, and the customer is told honestly. Escalation answers are left to
     * recovery-service, whose deadline scheduler moves the escalation up and announces it.
     */
    @Scheduled(every = "${amends.notification.promises.check-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void breakOverdue() {
        List<UUID> overdue = QuarkusTransaction.requiringNew().call(() -> breakBatch());
        if (!overdue.isEmpty()) {
            LOG.warnf("%d promise(s) to customers passed their date unkept: %s", overdue.size(), overdue);
        }
    }

    @SuppressWarnings("unchecked")
    private List<UUID> breakBatch() {
        List<UUID> ids = Promise.getEntityManager().createNativeQuery("""
                select id from promise
                where status = 'OPEN' and kind = 'SETTLEMENT' and due_at < ?1
                order by due_at limit 100
                for update skip locked
                """, UUID.class).setParameter(1, Instant.now().minus(config.grace())).getResultList();
        for (UUID id : ids) {
            Promise promise = Promise.findById(id);
            promise.status = PromiseStatus.BROKEN;
            promise.resolvedAt = Instant.now();
            count(promise.kind, "broken");
            CaseFile file = CaseFile.findById(promise.complaintId);
            messages.write(new Messages.Draft(promise.tenant, promise.complaintId, file.customer, file.summary, file.specifics,
                    MessageKind.PROMISE_BROKEN, promise.round, promise.makeGood.kind().ordinal() + 1, file.fault,
                    false, Instant.now()),
                    (letter, words, messageId) -> letter.makeGood(words.makeGood(promise.makeGood))
                            .missedDate(words.day(promise.dueAt)).build());
        }
        return ids;
    }

    private void count(PromiseKind kind, String outcome) {
        afterCommit.run(() -> registry.counter("amends.promises", "kind", kind.name(), "outcome", outcome)
                .increment());
    }
}
