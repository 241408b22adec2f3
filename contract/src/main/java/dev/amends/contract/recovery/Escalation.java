package dev.amends.contract.recovery;

import java.time.Instant;

/**
 * A recovery that needs a higher authority: it always has an owner and a deadline, and carries the
 * make-good the policy proposes for that person to grant.
 */
public record Escalation(AuthorityLevel level, String owner, Instant dueAt, MakeGood proposed) {
}
