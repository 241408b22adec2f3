package dev.amends.contract.recovery;

import java.util.UUID;

/** One ledger entry of an issued make-good: the entry's id and the part it records. */
public record LedgerLine(UUID entryId, MakeGood makeGood) {
}
