package dev.amends.contract.complaint;

import java.util.List;

/**
 * What intake made of a complaint: how severe it is, whether the customer is to be over-served
 * (angry or repeat: faster follow-up and a more senior owner, never a worse deal), the internal
 * root causes it points at, and in plain words which rules said so.
 */
public record Triage(Severity severity, boolean overService, List<String> rootCauses, List<String> rationale) {
}
