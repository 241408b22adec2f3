package dev.amends.notification.message;

import dev.amends.contract.DomainEvent;
import dev.amends.contract.EventType;
import dev.amends.contract.customer.CustomerErased;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.notification.MessageKind;
import dev.amends.contract.recovery.ApologyPart;
import dev.amends.contract.recovery.EscalationDeclined;
import dev.amends.contract.recovery.EscalationExpired;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.LedgerLine;
import dev.amends.contract.recovery.MakeGood;
import dev.amends.contract.recovery.MakeGoodIssued;
import dev.amends.contract.recovery.MakeGoodSettled;
import dev.amends.contract.recovery.RecoveryDecided;
import dev.amends.contract.recovery.RecoveryOutcome;
import dev.amends.notification.casefile.CaseFile;
import dev.amends.notification.customer.CustomerRecords;
import dev.amends.notification.followup.FollowUps;
import dev.amends.notification.promise.PromiseKind;
import dev.amends.notification.promise.Promises;
import dev.amends.notification.writing.Letter;
import dev.amends.platform.inbox.Channels;
import dev.amends.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Writes to the customer whenever their recovery moves (the N of LEARN): the apology when it is
 * decided, the confirmation when a person granted an escalated make-good, an update when an
 * escalation missed its date, an honest answer when a make-good was declined, and word that a
 * make-good has arrived. Each message, the promises it makes, its follow-up and the
 * processed-event mark commit together; the dispatcher sends them.
 */
@ApplicationScoped
public class RecoveryMessages {

    /** Complaints reach this service decided; of the complaint stream, only erasures concern it. */
    private static final Set<EventType> READS = EnumSet.of(EventType.RECOVERY_DECIDED, EventType.MAKE_GOOD_ISSUED,
            EventType.ESCALATION_EXPIRED, EventType.ESCALATION_DECLINED, EventType.MAKE_GOOD_SETTLED,
            EventType.CUSTOMER_ERASED);

    private final Inbox inbox;
    private final Messages messages;
    private final Promises promises;
    private final FollowUps followUps;
    private final CustomerRecords customers;

    RecoveryMessages(Inbox inbox, Messages messages, Promises promises, FollowUps followUps,
            CustomerRecords customers) {
        this.inbox = inbox;
        this.messages = messages;
        this.promises = promises;
        this.followUps = followUps;
        this.customers = customers;
    }

    @Incoming(Channels.EVENTS)
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.receive(batch, READS, this::apply);
    }

    private void apply(DomainEvent event) {
        if (event instanceof RecoveryDecided decision) {
            decided(decision);
        } else if (event instanceof MakeGoodIssued issued && issued.escalationId() != null) {
            // A make-good granted at once is already in the apology; one a person granted is news.
            granted(issued);
        } else if (event instanceof EscalationExpired expired) {
            overdue(expired);
        } else if (event instanceof EscalationDeclined declined) {
            declined(declined);
        } else if (event instanceof MakeGoodSettled settled) {
            settled(settled);
        } else if (event instanceof CustomerErased erased) {
            customers.erase(erased);
        }
    }

    private void decided(RecoveryDecided decision) {
        CaseFile file = CaseFile.note(decision.tenant(), decision.complaintId(), decision.customer(),
                decision.summary(), decision.specifics(), decision.round(), decision.fault(), decision.overService());
        messages.cancelFollowUpsBefore(decision.complaintId(), decision.round());
        followUps.cancelBefore(decision.complaintId(), decision.round());
        boolean granted = decision.outcome() == RecoveryOutcome.GRANTED && !decision.makeGoods().isEmpty();
        if (granted) {
            file.makeGoods = decision.makeGoods();
        }
        Instant now = Instant.now();
        List<ApologyPart> apology = decision.apology();
        if (decision.outcome() == RecoveryOutcome.ESCALATED) {
            var escalation = decision.escalation();
            messages.write(draft(file, MessageKind.ESCALATION_NOTICE, decision.round(), 0, true, now),
                    (letter, words, id) -> apologising(letter, apology)
                            .proposed(escalation.proposedParts().isEmpty() ? null
                                    : words.makeGood(escalation.proposedParts()))
                            .answerBy(words.dateTime(escalation.dueAt())).build())
                    .ifPresent(message -> promises.make(message, PromiseKind.ANSWER, "0", null, escalation.dueAt()));
            return;
        }
        List<MakeGood> parts = granted ? decision.makeGoods() : List.of();
        Optional<Instant> settleBy = settleBy(parts, file.customer, now);
        messages.write(draft(file, MessageKind.APOLOGY, decision.round(), 0, true, now),
                (letter, words, id) -> apologising(letter, apology).makeGood(words.makeGood(parts))
                        .settleBy(settleBy.map(words::day).orElse(null)).build())
                .ifPresent(message -> madeGood(message, file, parts, now));
    }

    private void granted(MakeGoodIssued issued) {
        CaseFile file = file(issued, issued.customer(), issued.summary(), issued.round());
        List<MakeGood> parts = issued.entries().stream().map(LedgerLine::makeGood).toList();
        file.makeGoods = parts;
        promises.keep(issued.complaintId(), issued.round(), PromiseKind.ANSWER, null);
        Instant now = Instant.now();
        Optional<Instant> settleBy = settleBy(parts, file.customer, now);
        messages.write(draft(file, MessageKind.MAKE_GOOD_CONFIRMATION, issued.round(), 0, false, now),
                (letter, words, id) -> letter.makeGood(words.makeGood(parts))
                        .settleBy(settleBy.map(words::day).orElse(null)).build())
                .ifPresent(message -> madeGood(message, file, parts, now));
    }

    /** What giving a make-good sets going: a promise per part still on its way, and the follow-up. */
    private void madeGood(CustomerMessage message, CaseFile file, List<MakeGood> parts, Instant now) {
        if (parts.isEmpty()) {
            return;
        }
        for (MakeGood part : parts) {
            promises.settleBy(part.kind(), zone(file.customer), now).ifPresent(due -> promises.make(message,
                    PromiseKind.SETTLEMENT, part.kind().name(), part, due));
        }
        followUps.schedule(file, message.round, now);
    }

    private void overdue(EscalationExpired expired) {
        CaseFile file = file(expired, expired.customer(), expired.summary(), expired.round());
        promises.broken(expired.complaintId(), expired.round(), PromiseKind.ANSWER);
        Instant now = Instant.now();
        var escalation = expired.escalation();
        messages.write(draft(file, MessageKind.ESCALATION_UPDATE, expired.round(), expired.expiries(), false, now),
                (letter, words, id) -> letter.missedDate(words.dateTime(expired.expiredDueAt()))
                        .movedUp(escalation.level() != expired.expiredLevel())
                        .answerBy(words.dateTime(escalation.dueAt())).build())
                .ifPresent(message -> promises.make(message, PromiseKind.ANSWER,
                        String.valueOf(expired.expiries()), null, escalation.dueAt()));
    }

    private void declined(EscalationDeclined declined) {
        CaseFile file = file(declined, declined.customer(), declined.summary(), declined.round());
        promises.keep(declined.complaintId(), declined.round(), PromiseKind.ANSWER, null);
        List<ApologyPart> apology = declined.apology();
        messages.write(draft(file, MessageKind.ESCALATION_DECLINED, declined.round(), 0, false, Instant.now()),
                (letter, words, id) -> letter.regret(apology.contains(ApologyPart.REGRET))
                        .responsibility(apology.contains(ApologyPart.RESPONSIBILITY))
                        .reason(declined.reason().strip()).build());
    }

    private void settled(MakeGoodSettled settled) {
        CaseFile file = file(settled, settled.customer(), settled.summary(), settled.round());
        for (Promises.Kept kept : promises.keep(settled.complaintId(), settled.round(), PromiseKind.SETTLEMENT,
                settled.kind().name())) {
            messages.write(draft(file, MessageKind.PROMISE_KEPT, settled.round(), settled.kind().ordinal() + 1, false,
                    Instant.now()), (letter, words, id) -> letter.makeGood(words.makeGood(kept.promise().makeGood))
                            .settledReference(settled.reference()).late(kept.late()).build());
        }
    }

    private static Letter.Builder apologising(Letter.Builder letter, List<ApologyPart> apology) {
        return letter.regret(apology.contains(ApologyPart.REGRET))
                .responsibility(apology.contains(ApologyPart.RESPONSIBILITY))
                .repentance(apology.contains(ApologyPart.REPENTANCE))
                .forgiveness(apology.contains(ApologyPart.REQUEST_FOR_FORGIVENESS));
    }

    private Optional<Instant> settleBy(List<MakeGood> parts, Customer customer, Instant now) {
        return parts.stream().map(part -> promises.settleBy(part.kind(), zone(customer), now))
                .flatMap(Optional::stream).max(Instant::compareTo);
    }

    /** The case file as it stands; events after the decision carry the customer but not the fault. */
    private static CaseFile file(DomainEvent event, Customer customer, String summary, int round) {
        CaseFile file = CaseFile.findById(event.complaintId());
        return CaseFile.note(event.tenant(), event.complaintId(), customer, summary,
                file == null ? null : file.specifics, round, file == null ? Fault.UNKNOWN : file.fault,
                file != null && file.overService);
    }

    private static Messages.Draft draft(CaseFile file, MessageKind kind, int round, int occasion, boolean urgent,
            Instant notBefore) {
        return new Messages.Draft(file.tenant, file.complaintId, file.customer, file.summary, file.specifics, kind,
                round, occasion,
                file.fault, urgent, notBefore);
    }

    private static ZoneId zone(Customer customer) {
        return customer.timeZone() == null || customer.timeZone().isBlank() ? ZoneId.of("UTC")
                : ZoneId.of(customer.timeZone());
    }
}
