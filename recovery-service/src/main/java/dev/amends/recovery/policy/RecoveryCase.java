package dev.amends.recovery.policy;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.complaint.ComplaintReopened;
import dev.amends.contract.complaint.Severity;
import dev.amends.contract.complaint.Triage;
import dev.amends.contract.recovery.Fault;
import java.util.List;

/**
 * What the policy looks at: the complaint as filed and triaged, and for a reopened complaint the
 * reason and what the earlier rounds gave. {@code atStake} may be missing: not every complaint is
 * about money.
 */
public record RecoveryCase(
        ComplaintCategory category,
        Severity severity,
        Fault fault,
        String tier,
        boolean overService,
        Money atStake,
        String orderReference,
        int round,
        String reopenReason,
        List<String> earlierRounds) {

    public static RecoveryCase of(ComplaintReceived complaint) {
        Triage triage = complaint.triage();
        return new RecoveryCase(complaint.category(), triage == null ? null : triage.severity(), complaint.fault(),
                complaint.customer().tier(), triage != null && triage.overService(), complaint.amountAtStake(),
                complaint.orderReference(), 1, null, List.of());
    }

    public static RecoveryCase of(ComplaintReopened reopened, List<String> earlierRounds) {
        Triage triage = reopened.triage();
        return new RecoveryCase(reopened.category(), triage == null ? null : triage.severity(), reopened.fault(),
                reopened.customer().tier(), triage != null && triage.overService(), reopened.amountAtStake(),
                reopened.orderReference(), reopened.round(), reopened.reason(), earlierRounds);
    }

    boolean reopened() {
        return round > 1;
    }
}
