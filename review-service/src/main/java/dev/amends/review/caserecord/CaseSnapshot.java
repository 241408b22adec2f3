package dev.amends.review.caserecord;

import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.ContactSeal;
import dev.amends.contract.recovery.Fault;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One complaint as matching and drafting see it. The contact details are here to match a review and
 * to make sure a draft never repeats them; they never leave the service.
 */
public record CaseSnapshot(UUID complaintId, String customerId, String customerName, String customerEmailDigest,
        String orderReference, ComplaintCategory category, Fault fault, Instant receivedAt, List<Fact> facts) {

    /** One thing we did, and the record it comes from. */
    public record Fact(UUID id, FactKind kind, String detail, Instant occurredAt, String source) {
    }

    public CaseSnapshot {
        fault = fault == null ? Fault.UNKNOWN : fault;
        facts = facts == null ? List.of() : List.copyOf(facts);
    }

    public CaseSnapshot withFacts(List<Fact> all) {
        return new CaseSnapshot(complaintId, customerId, customerName, customerEmailDigest, orderReference, category, fault,
                receivedAt, all);
    }

    static CaseSnapshot of(CaseRecord r) {
        return new CaseSnapshot(r.complaintId, r.customerId, r.customerName, r.customerEmailDigest, r.orderReference,
                r.category, r.fault, r.receivedAt, List.of());
    }

    /**
     * The case record of one of {@code tenant}'s complaints with everything it shows we did, or empty
     * when no event about it has arrived (or it is another tenant's).
     */
    public static Optional<CaseSnapshot> load(String tenant, UUID complaintId) {
        return CaseRecord.<CaseRecord>findByIdOptional(complaintId).filter(r -> r.tenant.equals(tenant)).map(r -> of(r).withFacts(facts(complaintId)));
    }

    static List<Fact> facts(UUID complaintId) {
        return CaseFact.of(complaintId).stream()
                .map(f -> new Fact(f.id, f.kind, f.detail, f.occurredAt, f.source)).toList();
    }

    /**
     * The complaints of one tenant that a review could be about: the same order reference or e-mail
     * at any time, or filed in the window around the review (names are compared by the matcher).
     */
    public static List<CaseSnapshot> candidates(String tenant, String orderReference, String email, Instant from,
            Instant to) {
        StringBuilder query = new StringBuilder("tenant = :tenant and (receivedAt between :from and :to");
        Map<String, Object> parameters = new HashMap<>(Map.of("tenant", tenant, "from", from, "to", to));
        if (orderReference != null) {
            query.append(" or lower(orderReference) = lower(:order)");
            parameters.put("order", orderReference);
        }
        if (email != null) {
            query.append(" or customerEmailDigest = :email");
            parameters.put("email", ContactSeal.emailDigest(email));
        }
        return CaseRecord.<CaseRecord>find(query.append(") order by receivedAt desc").toString(), parameters)
                .range(0, 499).list().stream().map(CaseSnapshot::of).toList();
    }
}
