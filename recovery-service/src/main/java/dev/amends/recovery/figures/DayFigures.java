package dev.amends.recovery.figures;

import dev.amends.contract.Money;
import java.time.Instant;
import java.util.List;

/** How recovery went since {@code since}: decisions by outcome, make-goods issued by currency, the escalation queue. */
public record DayFigures(Instant since, long granted, long escalated, List<Money> madeGood, long makeGoodsIssued,
        long escalationsOpen, long escalationsOverdue) {
}
