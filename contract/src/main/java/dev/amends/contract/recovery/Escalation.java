package dev.amends.contract.recovery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A recovery that needs a higher authority: it always has an owner and a deadline, and carries the
 * make-good the policy proposes for that person to grant: {@code proposed} as a whole (its total and
 * one description), {@code proposedParts} part by part. {@code id} and {@code proposedParts} were
 * added after the first release and may be missing from older records.
 */
public record Escalation(AuthorityLevel level, String owner, Instant dueAt, MakeGood proposed, UUID id,
        List<MakeGood> proposedParts) {

    public Escalation {
        proposedParts = proposedParts == null ? (proposed == null ? List.of() : List.of(proposed)) : proposedParts;
    }
}
