package dev.amends.review.caserecord;

import jakarta.persistence.FlushModeType;
import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.ContactSeal;
import dev.amends.contract.recovery.Fault;
import dev.amends.review.names.NameKey;
import java.time.Instant;
import java.util.ArrayList;
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

    /** At most this many complaints are weighed for one review by name, on either side of it in time. */
    static final int NAMESAKES_EACH_SIDE = 25;
    /** At most this many by the order reference, and as many by the e-mail: a reference is one order. */
    static final int BY_CONTACT = 10;

    /**
     * The complaints of one tenant that a review could be about: the same order reference or e-mail
     * at any time, and the customers with the author's first name filed in the window nearest to
     * when the review was written, on each side (whole names are compared by the matcher). Each part
     * is an index scan that stops at its limit, so the work is the same whether the tenant holds a
     * hundred Marias or ten thousand.
     */
    public static List<CaseSnapshot> candidates(String tenant, String authorName, String orderReference, String email,
            Instant writtenAt, Instant from, Instant to) {
        List<String> parts = new ArrayList<>(List.of(
                "(select * from case_record where tenant = :tenant and customer_first_name = :first "
                        + "and received_at between :from and :at order by received_at desc limit " + NAMESAKES_EACH_SIDE + ")",
                "(select * from case_record where tenant = :tenant and customer_first_name = :first "
                        + "and received_at > :at and received_at <= :to order by received_at limit " + NAMESAKES_EACH_SIDE + ")"));
        Map<String, Object> parameters = new HashMap<>(Map.of("tenant", tenant, "first", NameKey.firstName(authorName),
                "from", from, "to", to, "at", writtenAt));
        if (orderReference != null) {
            parts.add("(select * from case_record where tenant = :tenant and lower(order_reference) = lower(:order) "
                    + "limit " + BY_CONTACT + ")");
            parameters.put("order", orderReference.strip());
        }
        if (email != null) {
            parts.add("(select * from case_record where tenant = :tenant and customer_email_digest = :email "
                    + "order by received_at desc limit " + BY_CONTACT + ")");
            parameters.put("email", ContactSeal.emailDigest(email));
        }
        // No flush before it: a batch of case records flushes once, before its reviews are weighed.
        var query = CaseRecord.getEntityManager().createNativeQuery(String.join(" union ", parts), CaseRecord.class)
                .setFlushMode(FlushModeType.COMMIT);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<CaseRecord> found = query.getResultList();
        return found.stream().map(CaseSnapshot::of).toList();
    }
}
