package dev.amends.notification.followup;

import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.notification.FeedbackReceived;
import dev.amends.contract.notification.MessageKind;
import dev.amends.notification.casefile.CaseFile;
import dev.amends.notification.message.CustomerMessage;
import dev.amends.notification.message.MessageStatus;
import dev.amends.notification.message.Messages;
import dev.amends.platform.metrics.AfterCommit;
import dev.amends.platform.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Records the customer's answer to a follow-up, once, and announces it: a "yes" gets a short
 * thank-you, a "no" reopens the complaint in intake-service so that the recovery runs again.
 */
@ApplicationScoped
public class FeedbackDesk {

    private final Outbox outbox;
    private final Messages messages;
    private final MeterRegistry registry;
    private final AfterCommit afterCommit;

    FeedbackDesk(Outbox outbox, Messages messages, MeterRegistry registry, AfterCommit afterCommit) {
        this.outbox = outbox;
        this.messages = messages;
        this.registry = registry;
        this.afterCommit = afterCommit;
    }

    /** How recording an answer went: recorded now, or the answer already on file. */
    public record Answer(boolean recordedNow, boolean fixed, Instant answeredAt) {
    }

    /** Where a follow-up stands for an answer to it. */
    public enum Question {
        /** No such follow-up (any more). */
        UNKNOWN,
        /** Written but not sent: nobody can have read it, so its links answer nothing yet. */
        NOT_SENT,
        /** Sent: the customer may answer it (the first answer counts). */
        SENT
    }

    /** What an answer to {@code followUpId} would meet, without recording anything. */
    public Question question(UUID followUpId) {
        CustomerMessage followUp = CustomerMessage.findById(followUpId);
        if (followUp == null || followUp.kind != MessageKind.FOLLOW_UP) {
            return Question.UNKNOWN;
        }
        if (!sent(followUp)) {
            return Question.NOT_SENT;
        }
        return Question.SENT;
    }

    /**
     * Sent, or handed to the mail relay with its outcome not yet recorded: the customer may have it,
     * and nobody else has its links (no API view shows them).
     */
    private static boolean sent(CustomerMessage followUp) {
        return followUp.status == MessageStatus.SENT || followUp.status == MessageStatus.SENDING;
    }

    /** The answer on file for a follow-up, if it has one. */
    public Optional<Answer> earlierAnswer(UUID followUpId) {
        Feedback earlier = Feedback.findById(followUpId);
        return earlier == null ? Optional.empty() : Optional.of(new Answer(false, earlier.fixed, earlier.answeredAt));
    }

    /**
     * Call in a transaction. Empty when {@code followUpId} is not a follow-up that was sent: a
     * message still pending, held or suppressed has reached nobody, so nobody can answer it.
     */
    public Optional<Answer> answer(UUID followUpId, boolean fixed, ContactChannel via) {
        CustomerMessage followUp = CustomerMessage.findById(followUpId);
        if (followUp == null || followUp.kind != MessageKind.FOLLOW_UP || !sent(followUp)) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        // Two clicks at once: the insert decides which one is the answer.
        int inserted = Feedback.getEntityManager().createNativeQuery("""
                insert into feedback (follow_up_id, tenant, complaint_id, round, fixed, channel, answered_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing
                """).setParameter(1, followUpId).setParameter(2, followUp.tenant).setParameter(3, followUp.complaintId)
                .setParameter(4, followUp.round).setParameter(5, fixed).setParameter(6, via.name())
                .setParameter(7, now).executeUpdate();
        if (inserted == 0) {
            return earlierAnswer(followUpId);
        }
        outbox.record(new FeedbackReceived(followUp.tenant, followUp.complaintId, followUp.customerId, followUp.round,
                fixed, followUpId, via, now), now);
        if (fixed) {
            CaseFile file = CaseFile.findById(followUp.complaintId);
            messages.write(new Messages.Draft(file.tenant, file.complaintId, file.customer, file.summary, file.specifics,
                    MessageKind.CLOSING, followUp.round, 0, file.fault, false, now),
                    (letter, words, id) -> letter.build());
        }
        afterCommit.run(() -> registry.counter("amends.followup.answers", "fixed", String.valueOf(fixed)).increment());
        return Optional.of(new Answer(true, fixed, now));
    }

    /** The follow-up an SMS reply from this number answers: the newest one sent there and not yet answered. */
    public Optional<UUID> openFollowUpAt(String phone) {
        return CustomerMessage.getEntityManager().createQuery("""
                select m.id from CustomerMessage m
                where m.recipient = ?1 and m.channel = ?2 and m.kind = ?3 and m.status = ?4
                  and not exists (select 1 from Feedback f where f.followUpId = m.id)
                order by m.sentAt desc
                """, UUID.class).setParameter(1, phone).setParameter(2, ContactChannel.SMS)
                .setParameter(3, MessageKind.FOLLOW_UP).setParameter(4, MessageStatus.SENT).setMaxResults(1)
                .getResultStream().findFirst();
    }
}
