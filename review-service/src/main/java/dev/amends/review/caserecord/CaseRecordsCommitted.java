package dev.amends.review.caserecord;

import java.time.Instant;
import java.util.List;

/**
 * A batch that brought these new case records committed. Fired outside its transaction, for the
 * reviews taken in since {@code since} (a while before the batch began) that one of them may fit to
 * be matched again.
 */
public record CaseRecordsCommitted(List<CaseRecordChanged> arrived, Instant since) {
}
