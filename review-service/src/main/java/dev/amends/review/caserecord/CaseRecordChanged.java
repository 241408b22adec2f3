package dev.amends.review.caserecord;

import java.util.UUID;

/**
 * A case record arrived ({@code arrived}: its complaint, with the order reference, e-mail digest
 * and time a review is matched by; null for any other change) or gained a fact. Fired inside the
 * transaction that changed it, so that whatever depends on the record changes with it or not at all.
 */
public record CaseRecordChanged(String tenant, UUID complaintId, CaseSnapshot arrived, String what) {
}
