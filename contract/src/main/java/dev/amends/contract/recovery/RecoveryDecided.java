package dev.amends.contract.recovery;

import dev.amends.contract.DomainEvent;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.complaint.Specifics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How a complaint is made right. It carries the customer and the complaint's summary so that the
 * notification can be written without waiting for another topic to catch up. {@code makeGood} is
 * what was granted at once; {@code escalation} is set when a person must decide the rest.
 * {@code rationale} says in plain words which rules fired. {@code round} is 1 for the first
 * recovery of a complaint and one more for each reopening (added after the first release: a
 * missing value means 1). {@code makeGoods} lists each part of a combined make-good (a credit and
 * an expedited re-shipment, say) while {@code makeGood} states the whole: its total and one
 * description; {@code policyVersion} is the version of the policy that decided (both added later:
 * missing means one part, and version 0, the starter policy). {@code overService} says the customer
 * is to be over-served (DOMAIN.md rule 6): faster follow-up too (added later, missing means false).
 * {@code specifics} are the complaint's, for messages that refer to this customer's case (added
 * later: missing means none beyond the summary).
 */
public record RecoveryDecided(
        String tenant,
        UUID complaintId,
        UUID recoveryId,
        Customer customer,
        String summary,
        RecoveryOutcome outcome,
        Fault fault,
        List<ApologyPart> apology,
        MakeGood makeGood,
        AuthorityLevel authority,
        Escalation escalation,
        List<String> rationale,
        Instant decidedAt,
        int round,
        List<MakeGood> makeGoods,
        int policyVersion,
        boolean overService,
        Specifics specifics) implements DomainEvent {

    public RecoveryDecided {
        round = Math.max(round, 1);
        makeGoods = makeGoods == null ? (makeGood == null ? List.of() : List.of(makeGood)) : makeGoods;
    }

    @Override
    public String customerId() {
        return customer.id();
    }
}
