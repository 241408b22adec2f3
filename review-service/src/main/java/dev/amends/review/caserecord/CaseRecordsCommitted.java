package dev.amends.review.caserecord;

import java.time.Instant;
import java.util.Set;

/**
 * A batch that brought new case records of these tenants committed. Fired outside its transaction,
 * for the reviews taken in since {@code since} (a while before the batch began) to be matched again.
 */
public record CaseRecordsCommitted(Set<String> tenants, Instant since) {
}
