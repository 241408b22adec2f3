package dev.amends.review.customer;

import dev.amends.contract.customer.CustomerErased;
import dev.amends.platform.customer.CustomerData;
import dev.amends.review.caserecord.CaseRecord;
import dev.amends.review.caserecord.CaseRecordView;
import dev.amends.review.reviews.Review;
import dev.amends.review.reviews.ReviewSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * What review holds about one customer: the case records of their complaints and the reviews
 * matched to them. On erasure the records keep what we did (the facts a public answer rests on)
 * but not who it was for; a matched review keeps its public text but loses its author's name,
 * e-mail and order, and its link to the customer becomes the pseudonym.
 */
@ApplicationScoped
public class CustomerRecords implements CustomerData {

    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(CustomerErased erasure) {
        CaseRecord.update("customerId = ?1, customerName = ?2, customerFirstName = null, customerEmailDigest = null, "
                + "orderReference = null, summary = ?2 where tenant = ?3 and customerId = ?4", erasure.pseudonym(), CustomerErased.TEXT,
                erasure.tenant(), erasure.customerId());
        Review.update("customerId = ?1, authorName = ?2, authorEmail = null, authorEmailDigest = null, "
                + "authorNameKey = null, orderReference = null, matchReason = ?2 "
                + "where tenant = ?3 and customerId = ?4", erasure.pseudonym(), CustomerErased.TEXT,
                erasure.tenant(), erasure.customerId());
    }

    /** A case record as held, with the customer details the public view of it leaves out. */
    public record HeldCaseRecord(String customerName, String customerEmailDigest, CaseRecordView caseRecord) {
    }

    /** The case records of the customer's complaints and the reviews matched to them. */
    @Override
    @Transactional
    public Map<String, List<?>> export(String tenant, String customerId, String authorization) {
        return Map.of(
                "caseRecords", CaseRecord.<CaseRecord>list("tenant = ?1 and customerId = ?2 order by receivedAt",
                        tenant, customerId).stream()
                        .map(r -> new HeldCaseRecord(r.customerName, r.customerEmailDigest, CaseRecordView.of(r))).toList(),
                "reviews", Review.<Review>list("tenant = ?1 and customerId = ?2 order by writtenAt", tenant,
                        customerId).stream().map(ReviewSummary::of).toList());
    }
}
