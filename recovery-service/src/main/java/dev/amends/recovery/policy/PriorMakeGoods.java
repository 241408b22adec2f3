package dev.amends.recovery.policy;

import dev.amends.contract.Money;

/**
 * The customer's make-goods in the policy's history window: how many, and their total in the
 * complaint's currency ({@code null} when the complaint has no currency).
 */
public record PriorMakeGoods(int count, Money total) {

    public static PriorMakeGoods none() {
        return new PriorMakeGoods(0, null);
    }
}
