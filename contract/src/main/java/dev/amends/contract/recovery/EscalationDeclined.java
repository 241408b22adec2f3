package dev.amends.contract.recovery;

import dev.amends.contract.DomainEvent;
import dev.amends.contract.complaint.Customer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person declined the make-good an escalation proposed, with a reason that is kept. The customer
 * still gets an apology and an honest explanation (rule 7): {@code fault} and {@code apology} say
 * which parts of the apology are honest, {@code reason} is what the person decided and why.
 */
public record EscalationDeclined(
        String tenant,
        UUID complaintId,
        UUID recoveryId,
        UUID escalationId,
        Customer customer,
        String summary,
        AuthorityLevel level,
        String declinedBy,
        String reason,
        Fault fault,
        List<ApologyPart> apology,
        Instant declinedAt,
        int round) implements DomainEvent {

    @Override
    public String customerId() {
        return customer.id();
    }
}
