package dev.amends.recovery.decision;

import dev.amends.contract.EventType;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.complaint.ComplaintReopened;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.complaint.Specifics;
import dev.amends.contract.customer.CustomerErased;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.RecoveryOutcome;
import dev.amends.platform.inbox.Channels;
import dev.amends.platform.inbox.Inbox;
import dev.amends.platform.outbox.Outbox;
import dev.amends.recovery.customer.CustomerRecords;
import dev.amends.recovery.escalation.Escalation;
import dev.amends.recovery.ledger.Ledger;
import dev.amends.recovery.policy.Decision;
import dev.amends.recovery.policy.Policies;
import dev.amends.recovery.policy.PriorMakeGoods;
import dev.amends.recovery.policy.RecoveryCase;
import dev.amends.recovery.policy.RecoveryPolicy;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Decides a recovery for every complaint received or reopened, at once. The decision, the ledger
 * lines of a make-good granted within authority or the escalation above it, their events and the
 * processed-event mark all commit in one transaction.
 */
@ApplicationScoped
public class RecoveryDecisions {

    private static final Logger LOG = Logger.getLogger(RecoveryDecisions.class);
    static final String POLICY_ACTOR = "policy";
    private static final Set<EventType> READS = EnumSet.of(EventType.COMPLAINT_RECEIVED,
            EventType.COMPLAINT_REOPENED, EventType.CUSTOMER_ERASED);

    private final Inbox inbox;
    private final Outbox outbox;
    private final Policies policies;
    private final Ledger ledger;
    private final RecoveryMetrics metrics;
    private final CustomerRecords customers;
    private final Clock clock = Clock.systemUTC();

    RecoveryDecisions(Inbox inbox, Outbox outbox, Policies policies, Ledger ledger, RecoveryMetrics metrics,
            CustomerRecords customers) {
        this.customers = customers;
        this.inbox = inbox;
        this.outbox = outbox;
        this.policies = policies;
        this.ledger = ledger;
        this.metrics = metrics;
    }

    @Incoming(Channels.EVENTS)
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.receive(batch, READS, event -> {
            if (event instanceof ComplaintReceived complaint) {
                if (!alreadyDecided(complaint.complaintId(), 1)) {
                    decide(complaint.tenant(), complaint.complaintId(), complaint.customer(), complaint.summary(),
                            complaint.specifics(), RecoveryCase.of(complaint));
                }
            } else if (event instanceof ComplaintReopened reopened) {
                if (!alreadyDecided(reopened.complaintId(), reopened.round())) {
                    List<String> history = Recovery.history(reopened.complaintId()).stream()
                            .map(Recovery::summarize).toList();
                    decide(reopened.tenant(), reopened.complaintId(), reopened.customer(), reopened.summary(),
                            reopened.specifics(), RecoveryCase.of(reopened, history));
                }
            } else if (event instanceof CustomerErased erased) {
                customers.erase(erased);
            }
        });
    }

    private void decide(String tenant, UUID complaintId, Customer customer, String summary, Specifics specifics,
            RecoveryCase recoveryCase) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        RecoveryPolicy policy = policies.active(tenant);
        Instant windowStart = now.atOffset(ZoneOffset.UTC).minus(policy.document().history().window()).toInstant();
        String currency = recoveryCase.atStake() == null ? null : recoveryCase.atStake().currency();
        PriorMakeGoods prior = ledger.since(tenant, customer.id(), currency, windowStart);
        Decision decision = policy.decide(recoveryCase, prior, now);

        UUID escalationId = decision.escalation() == null ? null : UUID.randomUUID();
        var decided = Recovery.record(tenant, complaintId, customer, summary, specifics, recoveryCase.round(),
                recoveryCase.overService(), decision, escalationId, now);
        outbox.record(decided, now);
        metrics.decided(decision);
        Recovery recovery = Recovery.findById(decided.recoveryId());
        if (decision.outcome() == RecoveryOutcome.GRANTED && !decision.parts().isEmpty()) {
            ledger.issue(new Ledger.Issue(tenant, complaintId, recovery.id, null, customer, summary, decision.parts(),
                            AuthorityLevel.AUTOMATIC, POLICY_ACTOR, null, decision.policyVersion(),
                            recoveryCase.round(), now))
                    .ifPresent(issued -> {
                        outbox.record(issued, now);
                        metrics.issued(issued);
                    });
        } else if (decision.outcome() == RecoveryOutcome.ESCALATED) {
            outbox.record(Escalation.open(escalationId, recovery, customer, summary, decision.escalation(),
                    decision.parts(), now), now);
        }
    }

    private static boolean alreadyDecided(UUID complaintId, int round) {
        if (Recovery.decided(complaintId, round)) {
            LOG.infof("Complaint %s already has its round %d recovery; not deciding twice", complaintId, round);
            return true;
        }
        return false;
    }
}
