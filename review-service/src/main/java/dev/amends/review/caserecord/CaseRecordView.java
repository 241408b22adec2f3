package dev.amends.review.caserecord;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.contract.recovery.RecoveryOutcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The facts review responses may draw on, for the approver who checks a counterpoint; contact
 * details stay out of it.
 */
public record CaseRecordView(UUID complaintId, String tenant, String customerId, String orderReference,
        ComplaintCategory category, Fault fault, String summary, Instant receivedAt, RecoveryOutcome recoveryOutcome,
        MakeGoodKind makeGoodKind, Money makeGood, Instant decidedAt, List<CaseSnapshot.Fact> facts) {

    public static CaseRecordView of(CaseRecord r) {
        return new CaseRecordView(r.complaintId, r.tenant, r.customerId, r.orderReference, r.category, r.fault,
                r.summary, r.receivedAt, r.recoveryOutcome, r.makeGoodKind, r.makeGood(), r.decidedAt,
                CaseSnapshot.facts(r.complaintId));
    }
}
