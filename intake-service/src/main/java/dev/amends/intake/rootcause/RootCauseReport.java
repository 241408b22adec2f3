package dev.amends.intake.rootcause;

import dev.amends.contract.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * Which internal systems keep failing customers (DOMAIN.md rule 8, "listen for the nugget"):
 * complaints by root-cause tag, week by week (weeks start on Monday, UTC), with what was made good.
 * {@code thisWeek} and {@code lastWeek} are the current and previous calendar weeks.
 */
public record RootCauseReport(LocalDate from, List<LocalDate> weeks, List<Cause> causes) {

    public record Cause(String tag, long complaints, long thisWeek, long lastWeek, List<Money> madeGood,
            List<Week> weeks) {
    }

    public record Week(LocalDate weekStarting, long complaints, List<Money> madeGood) {
    }
}
