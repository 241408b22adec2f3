package dev.amends.recovery.policy;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.Severity;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.MakeGoodKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;

/**
 * The restitution and credit policy as its authors write it (YAML or JSON, kebab-case keys). It is
 * read as written and then checked as a whole by {@link PolicyValidator}, which lists every problem
 * at once; only a valid document ever decides a recovery. {@code currencies} are those the limits
 * and fixed amounts are written in: a complaint in any other currency goes to a person, who can
 * price it.
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record PolicyDocument(
        String name,
        String description,
        List<String> currencies,
        Authority authority,
        History history,
        List<MakeGoodRule> makeGoods) {

    /** The three levels, each with its own limit per currency. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Authority(Automatic automatic, Person supervisor, Person manager) {
    }

    /** What the policy grants by itself, at once. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Automatic(Map<String, BigDecimal> limit) {
    }

    /**
     * A level where a person decides: who owns escalations at this level and how soon they must
     * answer, and for customers to be over-served (rule 6) a more senior owner and a faster SLA.
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Person(Map<String, BigDecimal> limit, String owner, Duration sla, String overServiceOwner,
            Duration overServiceSla) {
    }

    /**
     * How much the automatic level may give one customer in a window before a person looks: the
     * count of earlier make-goods and their total per currency. Going over it escalates, never refuses.
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record History(Period window, Integer automaticMakeGoods, Map<String, BigDecimal> automaticAmount) {
    }

    /** The first rule whose conditions all hold gives its make-good. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record MakeGoodRule(String name, String why, Conditions when, List<Give> give) {
    }

    /** Every condition given must hold; a condition left out holds for any complaint. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Conditions(List<ComplaintCategory> category, List<Severity> severity, List<Fault> fault,
            List<String> tier, Boolean overService) {
    }

    /**
     * One part of a make-good: a share of what is at stake ({@code of-stake-percent}, 100 for all of
     * it) or a fixed amount per currency; {@code description} is how the customer reads it.
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Give(MakeGoodKind kind, Integer ofStakePercent, Map<String, BigDecimal> fixed, String description) {
    }
}
