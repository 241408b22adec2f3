package dev.amends.review.caserecord;

import java.util.UUID;

/**
 * A case record arrived ({@code arrived}: its complaint, with the order reference, e-mail digest
 * and time a review is matched by; null for any other change) or gained a fact. Told with the
 * others of its batch ({@link CaseRecordsChanged}).
 */
public record CaseRecordChanged(String tenant, UUID complaintId, CaseSnapshot arrived, String what) {
}
