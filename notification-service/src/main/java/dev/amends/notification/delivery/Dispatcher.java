package dev.amends.notification.delivery;

import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.notification.CustomerNotified;
import dev.amends.notification.NotificationConfig;
import dev.amends.notification.channel.Delivery;
import dev.amends.notification.channel.EmailChannel;
import dev.amends.notification.channel.OutgoingMessage;
import dev.amends.notification.channel.SmsChannel;
import dev.amends.notification.link.SignedLinks;
import dev.amends.notification.message.CustomerMessage;
import dev.amends.notification.message.MessageStatus;
import dev.amends.notification.preference.ContactPreference;
import dev.amends.notification.preference.ContactRules;
import dev.amends.notification.preference.OptOuts;
import dev.amends.platform.database.DatabaseRetry;
import dev.amends.platform.metrics.AfterCommit;
import dev.amends.platform.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends pending messages that are due, in three steps: claim them, send each outside any
 * transaction, then record the outcomes with their customer.notified events, many in one
 * transaction. A message due the moment it is written is claimed as it is written, in that
 * transaction, and handed to the senders when it commits ({@link #claimAsWritten}); the others
 * (quiet hours, retries, follow-ups) are claimed when due ({@code FOR UPDATE SKIP LOCKED}, so
 * several instances share the work and never take the same message).
 *
 * <p>A claim is committed before the send, with a lease. While its sends are under way the
 * instance renews their leases, all in one statement every third of the lease, so a slow send never
 * looks like a dead instance. If the instance dies mid-send the message stays SENDING; when the
 * lease runs out it is parked for a person instead of sent again, because it may have reached the
 * customer: a message goes out at most once. Failures that certainly did not deliver are retried
 * with exponential backoff and jitter until they are parked too.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final NotificationConfig.Delivery config;
    private final ContactRules rules;
    private final EmailChannel email;
    private final SmsChannel sms;
    private final SignedLinks links;
    private final OptOuts optOuts;
    private final Outbox outbox;
    private final MeterRegistry registry;
    private final AfterCommit afterCommit;
    private final DatabaseRetry databaseRetry;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "amends-message-dispatcher");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService senders;
    /** Sends done and not yet recorded; one recorder thread writes them in batches. */
    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final ExecutorService recorder = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "amends-outcome-recorder");
        thread.setDaemon(true);
        return thread;
    });
    private final TransactionSynchronizationRegistry transactions;
    /** The sends this instance has claimed and not yet recorded, and until when it holds each lease. */
    private final Map<UUID, Instant> leases = new ConcurrentHashMap<>();
    private final ScheduledExecutorService leaseRenewal = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "amends-lease-renewal");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopping;

    Dispatcher(NotificationConfig config, ContactRules rules, EmailChannel email, SmsChannel sms, SignedLinks links,
            OptOuts optOuts, Outbox outbox, MeterRegistry registry, AfterCommit afterCommit,
            DatabaseRetry databaseRetry, TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        this.config = config.delivery();
        this.rules = rules;
        this.email = email;
        this.sms = sms;
        this.links = links;
        this.optOuts = optOuts;
        this.outbox = outbox;
        this.registry = registry;
        this.afterCommit = afterCommit;
        this.databaseRetry = databaseRetry;
        this.senders = Executors.newFixedThreadPool(this.config.concurrency(), r -> {
            Thread thread = new Thread(r, "amends-message-sender");
            thread.setDaemon(true);
            return thread;
        });
        long renewEvery = this.config.lease().toMillis() / 3;
        leaseRenewal.scheduleWithFixedDelay(this::renewLeases, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
    }

    /**
     * Claims a message due now in the transaction that writes it, so it needs no claim of its own;
     * the senders get it when that transaction commits, each complaint's messages in the order
     * written. While the service stops nothing new is claimed: the message stays PENDING for the
     * next instance to claim.
     */
    public void claimAsWritten(CustomerMessage message) {
        if (stopping) {
            return;
        }
        Instant now = Instant.now();
        message.status = MessageStatus.SENDING;
        message.attempts++;
        message.claimedUntil = now.plus(config.lease());
        @SuppressWarnings("unchecked")
        List<OutgoingMessage> written = (List<OutgoingMessage>) transactions.getResource(Dispatcher.class);
        if (written == null) {
            List<OutgoingMessage> claimed = new ArrayList<>();
            transactions.putResource(Dispatcher.class, claimed);
            Instant held = message.claimedUntil;
            afterCommit.run(() -> handOver(claimed, held));
            written = claimed;
        }
        written.add(outgoing(message));
    }

    private void handOver(List<OutgoingMessage> claimed, Instant held) {
        claimed.forEach(message -> leases.put(message.id(), held));
        for (List<OutgoingMessage> messages : byComplaint(claimed)) {
            try {
                CompletableFuture.runAsync(() -> messages.forEach(this::deliver), senders);
            } catch (RejectedExecutionException stopped) {
                // The service stopped between the claim and its commit: never sent, so another instance may.
                messages.forEach(message -> {
                    databaseRetry.inNewTransaction(() -> giveBack(message.id()));
                    leases.remove(message.id());
                });
            }
        }
    }

    /** Something became due: send it now rather than at the next tick. */
    public void wake() {
        again.set(true);
        if (!stopping && draining.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    @Scheduled(every = "${amends.notification.delivery.poll}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        wake();
    }

    /**
     * The batch under way is sent and recorded before the senders stop: a claimed message whose send
     * never started would otherwise sit in SENDING and be parked as "may have reached the customer".
     */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        try {
            worker.shutdown();
            worker.awaitTermination(10, TimeUnit.SECONDS);
            senders.shutdown();
            senders.awaitTermination(10, TimeUnit.SECONDS);
            recorder.shutdown();
            recorder.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leaseRenewal.shutdown();
    }

    private void drain() {
        try {
            while (again.getAndSet(false) && !stopping) {
                QuarkusTransaction.requiringNew().run(this::parkInterrupted);
                List<OutgoingMessage> claimed;
                do {
                    Instant held = Instant.now().plus(config.lease());
                    claimed = QuarkusTransaction.requiringNew().call(this::claim);
                    claimed.forEach(message -> leases.put(message.id(), held));
                    sendAll(claimed);
                } while (claimed.size() == config.batchSize() && !stopping);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Sending messages failed; trying again at the next tick");
        } finally {
            draining.set(false);
            if (again.get() && !stopping) {
                wake();
            }
        }
    }

    /**
     * Each send waits on the network (an SMTP conversation is several round trips), so the batch
     * goes out on several threads; one complaint's messages stay in order on one of them.
     */
    private void sendAll(List<OutgoingMessage> claimed) {
        CompletableFuture.allOf(byComplaint(claimed).stream()
                .map(messages -> CompletableFuture.runAsync(() -> messages.forEach(this::deliver), senders))
                .toArray(CompletableFuture[]::new)).join();
    }

    private static Collection<List<OutgoingMessage>> byComplaint(List<OutgoingMessage> messages) {
        return messages.stream().collect(Collectors.groupingBy(OutgoingMessage::complaintId, LinkedHashMap::new,
                Collectors.toList())).values();
    }

    /**
     * Sent only while this instance surely holds the lease: one that lapsed (the renewals could not
     * reach the database) may have been parked and released by a person meanwhile. The outcome goes
     * to the recorder, and its lease is renewed until it is recorded.
     */
    private void deliver(OutgoingMessage message) {
        Instant held = leases.get(message.id());
        if (held == null || !held.isAfter(Instant.now())) {
            LOG.warnf("Message %s was not sent: its lease lapsed before its turn came", message.id());
            try {
                databaseRetry.inNewTransaction(() -> giveBack(message.id()));
            } finally {
                leases.remove(message.id());
            }
            return;
        }
        outcomes.add(new Outcome(message, send(message)));
        recorder.execute(this::recordOutcomes);
    }

    private record Outcome(OutgoingMessage message, Delivery delivery) {
    }

    /**
     * Records every outcome waiting, up to a batch at a time, in one transaction each. It waits out a
     * database that is briefly away: a message that was sent must be recorded as sent, with its
     * event. Should a batch fail for a reason of one outcome's own, each is recorded on its own.
     */
    private void recordOutcomes() {
        List<Outcome> batch = new ArrayList<>();
        for (Outcome outcome = outcomes.poll(); outcome != null; outcome = outcomes.poll()) {
            batch.add(outcome);
            if (batch.size() == config.batchSize()) {
                record(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            record(batch);
        }
    }

    private void record(List<Outcome> batch) {
        try {
            databaseRetry.inNewTransaction(() -> recordAll(batch));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                LOG.errorf(e, "Could not record how sending message %s ended: %s", batch.get(0).message().id(),
                        batch.get(0).delivery());
            } else {
                batch.forEach(outcome -> record(List.of(outcome)));
                return;
            }
        }
        batch.forEach(outcome -> leases.remove(outcome.message().id()));
    }

    private void recordAll(List<Outcome> batch) {
        Map<UUID, CustomerMessage> messages = CustomerMessage.<CustomerMessage>list("id in ?1",
                batch.stream().map(outcome -> outcome.message().id()).toList()).stream()
                .collect(Collectors.toMap(message -> message.id, message -> message));
        batch.forEach(outcome -> record(messages.get(outcome.message().id()), outcome.delivery()));
    }

    /**
     * One statement renews the leases of every send under way here, however many and however slow.
     * It skips the rows the outcome recorder holds (their sends have ended and are being recorded)
     * rather than wait for them: two statements locking the same rows in different orders deadlocked
     * under the soak of issue 29.
     */
    private void renewLeases() {
        if (leases.isEmpty()) {
            return;
        }
        List<UUID> ours = List.copyOf(leases.keySet());
        Instant until = Instant.now().plus(config.lease());
        try {
            List<UUID> renewed = QuarkusTransaction.requiringNew().call(() -> renew(ours, until));
            renewed.forEach(id -> leases.computeIfPresent(id, (key, before) -> until));
        } catch (RuntimeException e) {
            LOG.warnf("Could not renew the leases of %d sends under way: %s", ours.size(), e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private List<UUID> renew(List<UUID> ids, Instant until) {
        return CustomerMessage.getEntityManager().createNativeQuery("""
                update customer_message set claimed_until = ?1
                where id in (select id from customer_message where id in (?2) and status = 'SENDING'
                             for no key update skip locked)
                returning id
                """, UUID.class).setParameter(1, until).setParameter(2, ids).getResultList();
    }

    /** Never sent, so it may simply be sent later, by whichever instance claims it. */
    private void giveBack(UUID id) {
        CustomerMessage.update("status = ?1, claimedUntil = null, attempts = attempts - 1 where id = ?2 and status = ?3",
                MessageStatus.PENDING, id, MessageStatus.SENDING);
    }

    /**
     * Sends that outlived their lease: the instance died mid-send, and the message may be out. One
     * conditional update, so a lease renewed at the same moment wins over a stale read.
     */
    @SuppressWarnings("unchecked")
    private void parkInterrupted() {
        List<Object[]> parked = CustomerMessage.getEntityManager().createNativeQuery("""
                update customer_message
                set status = 'PARKED', claimed_until = null,
                    reason = 'Sending was interrupted (the service stopped mid-send), so it may have reached the '
                             || 'customer; it is not sent again without a person'
                where status = 'SENDING' and claimed_until < ?1
                returning id, complaint_id, channel, kind
                """).setParameter(1, Instant.now()).getResultList();
        for (Object[] row : parked) {
            LOG.warnf("Parked message %s of complaint %s: interrupted mid-send", row[0], row[1]);
            String channel = (String) row[2];
            String kind = (String) row[3];
            afterCommit.run(() -> registry.counter("amends.messages.failed", "channel", channel, "kind", kind,
                    "outcome", "interrupted").increment());
        }
    }

    @SuppressWarnings("unchecked")
    private List<OutgoingMessage> claim() {
        Instant now = Instant.now();
        List<UUID> ids = CustomerMessage.getEntityManager().createNativeQuery("""
                select id from customer_message
                where status = 'PENDING' and due_at <= ?1
                order by due_at
                limit ?2
                for update skip locked
                """, UUID.class).setParameter(1, now).setParameter(2, config.batchSize()).getResultList();
        List<OutgoingMessage> claimed = new ArrayList<>();
        if (ids.isEmpty()) {
            return claimed;
        }
        // The rows are locked by the select above; this reads them whole in one query.
        for (CustomerMessage message : CustomerMessage.<CustomerMessage>list("id in ?1 order by dueAt, id", ids)) {
            Optional<ContactPreference> preference = rules.preference(message.tenant, message.customerId);
            if (!rules.allows(preference, message.channel)) {
                message.status = MessageStatus.SUPPRESSED;
                message.reason = "Not sent: the customer opted out of " + message.channel + " before it was due";
                continue;
            }
            if (!message.urgent) {
                Instant allowed = rules.outsideQuietHours(preference, message.timeZone, now);
                if (allowed.isAfter(now)) {
                    message.dueAt = allowed;
                    message.reason = "Waiting for the customer's quiet hours to end";
                    continue;
                }
            }
            message.status = MessageStatus.SENDING;
            message.attempts++;
            message.claimedUntil = now.plus(config.lease());
            claimed.add(outgoing(message));
        }
        return claimed;
    }

    private OutgoingMessage outgoing(CustomerMessage message) {
        return new OutgoingMessage(message.id, message.complaintId, message.channel, message.tenant,
                message.customerId, message.recipient, message.subject, message.body, message.htmlBody,
                links.unsubscribeUrl(message.tenant, message.customerId));
    }

    private Delivery send(OutgoingMessage message) {
        return message.channel() == ContactChannel.SMS ? sms.send(message) : email.send(message);
    }

    private void record(CustomerMessage message, Delivery delivery) {
        if (message.status != MessageStatus.SENDING) {
            // Its lease ran out and it was parked meanwhile. If it did go out, say so: it is sent,
            // not uncertain; otherwise it stays parked for the person, who sees how it ended.
            LOG.warnf("Message %s finished sending after it was parked: %s", message.id, delivery);
            if (message.status != MessageStatus.PARKED || !(delivery instanceof Delivery.Sent)) {
                message.reason = message.reason + "\nThe send finished late: " + delivery;
                return;
            }
        }
        message.claimedUntil = null;
        Instant now = Instant.now();
        if (delivery instanceof Delivery.Sent ok) {
            message.status = MessageStatus.SENT;
            message.sentAt = now;
            message.providerReference = ok.reference();
            message.reason = null;
            // The event continues the complaint's trace, not the dispatcher's.
            outbox.record(new CustomerNotified(message.tenant, message.complaintId, message.customerId, message.id,
                    message.kind, message.channel, now, message.round), now, message.traceparent);
            String kind = message.kind.name();
            String channel = message.channel.name();
            afterCommit.run(() -> registry.counter("amends.messages.sent", "kind", kind, "channel", channel)
                    .increment());
        } else if (delivery instanceof Delivery.Retry retry) {
            if (message.attempts >= config.maxAttempts()) {
                park(message, "Gave up after " + message.attempts + " attempts; the last: " + retry.reason());
            } else {
                message.status = MessageStatus.PENDING;
                message.dueAt = now.plus(backoff(message.attempts));
                message.reason = "Attempt " + message.attempts + " failed: " + retry.reason();
                failed(message, "retry");
            }
        } else if (delivery instanceof Delivery.Refused refused && refused.recipientOptedOut()) {
            optOuts.set(message.tenant, message.customerId, message.channel, false, "carrier opt-out");
            message.status = MessageStatus.SUPPRESSED;
            message.reason = "Not sent: " + refused.reason();
            failed(message, "opted-out");
        } else if (delivery instanceof Delivery.Refused refused) {
            park(message, "Refused: " + refused.reason());
        } else if (delivery instanceof Delivery.Uncertain uncertain) {
            park(message, "May have reached the customer, so it is not sent again without a person: "
                    + uncertain.reason());
        }
    }

    private void park(CustomerMessage message, String reason) {
        message.status = MessageStatus.PARKED;
        message.reason = reason;
        LOG.warnf("Parked message %s (%s, %s) of complaint %s: %s", message.id, message.kind, message.channel,
                message.complaintId, reason);
        failed(message, "parked");
    }

    private void failed(CustomerMessage message, String outcome) {
        String kind = message.kind.name();
        String channel = message.channel.name();
        afterCommit.run(() -> registry.counter("amends.messages.failed", "channel", channel, "kind", kind,
                "outcome", outcome).increment());
    }

    /** Exponential, capped, with "equal jitter" so that retries of many messages do not arrive together. */
    Duration backoff(int attempts) {
        long base = config.firstRetry().toMillis() << Math.min(attempts - 1, 20);
        long capped = Math.min(base, config.maxRetry().toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
