package dev.amends.recovery.policy;

import dev.amends.contract.Money;
import dev.amends.contract.recovery.MakeGood;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Sums a make-good's parts into the whole the customer reads and the authority is checked against;
 * its description names every part with its amount, so a message can say exactly what was given.
 */
public final class MakeGoods {

    private MakeGoods() {
    }

    /** Null when there is nothing to give. All parts are in one currency. */
    public static MakeGood whole(List<MakeGood> parts) {
        if (parts.isEmpty()) {
            return null;
        }
        Money total = parts.stream().map(MakeGood::value).reduce(Money::plus).orElseThrow();
        MakeGood largest = parts.stream().max(Comparator.comparing(p -> p.value().amount())).orElseThrow();
        String description = parts.stream().map(p -> p.description() + " (" + p.value() + ")")
                .collect(Collectors.joining(" and "));
        return new MakeGood(largest.kind(), total, description);
    }
}
