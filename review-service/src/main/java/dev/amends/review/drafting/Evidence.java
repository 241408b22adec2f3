package dev.amends.review.drafting;

import dev.amends.review.caserecord.FactKind;
import java.time.Instant;
import java.util.UUID;

/** The record a counterpoint rests on, with a link the approver can open to check it. */
public record Evidence(UUID factId, FactKind kind, String detail, Instant occurredAt, String source, String href) {
}
