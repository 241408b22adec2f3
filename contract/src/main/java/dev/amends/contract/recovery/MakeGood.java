package dev.amends.contract.recovery;

import dev.amends.contract.Money;

/** Restitution: what is given, and its exact value in the complaint's currency. */
public record MakeGood(MakeGoodKind kind, Money value, String description) {
}
