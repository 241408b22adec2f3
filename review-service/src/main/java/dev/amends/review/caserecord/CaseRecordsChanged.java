package dev.amends.review.caserecord;

import java.util.List;

/**
 * The case records one batch of events changed, in the order the events came. Fired once, inside
 * the batch's transaction, so that whatever depends on the records changes with them or not at all.
 */
public record CaseRecordsChanged(List<CaseRecordChanged> changes) {
}
