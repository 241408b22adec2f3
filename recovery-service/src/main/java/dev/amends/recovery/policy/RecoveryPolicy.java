package dev.amends.recovery.policy;

import dev.amends.contract.Money;
import dev.amends.contract.recovery.ApologyPart;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.MakeGood;
import dev.amends.contract.recovery.RecoveryOutcome;
import dev.amends.recovery.policy.Decision.EscalationPlan;
import dev.amends.recovery.policy.PolicyDocument.Give;
import dev.amends.recovery.policy.PolicyDocument.MakeGoodRule;
import dev.amends.recovery.policy.PolicyDocument.Person;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of the restitution and credit policy, applied. It never refuses: what the automatic
 * level may not grant goes to a named person with a deadline (DOMAIN.md rules 4 and 7), and what a
 * customer's history or a reopening calls for changes who grants, never whether.
 */
public final class RecoveryPolicy {

    private final PolicyDocument document;
    private final int version;

    public RecoveryPolicy(PolicyDocument document, int version) {
        this.document = document;
        this.version = version;
    }

    public PolicyDocument document() {
        return document;
    }

    public int version() {
        return version;
    }

    public Decision decide(RecoveryCase c, PriorMakeGoods prior, Instant now) {
        List<String> why = new ArrayList<>();
        if (c.reopened()) {
            why.add("Reopened (round " + c.round() + "): \"" + c.reopenReason() + "\".");
            c.earlierRounds().forEach(round -> why.add("Earlier: " + round));
        }
        why.add(faultLine(c.fault()));

        MakeGoodRule rule = ruleFor(c);
        String currency = c.atStake() != null ? c.atStake().currency() : document.currencies().get(0);
        boolean priced = document.currencies().contains(currency);
        List<MakeGood> parts = new ArrayList<>();
        for (Give give : rule.give()) {
            price(give, c, currency).ifPresent(parts::add);
        }
        MakeGood whole = MakeGoods.whole(parts);
        why.add("Rule \"" + rule.name() + "\" applies: " + rule.why()
                + (whole == null ? " Nothing is at stake, so the make-good is the apology and our follow-up."
                        : " It gives " + describe(parts) + "."));
        List<ApologyPart> apology = apologyFor(c.fault(), whole != null);

        AuthorityLevel level = AuthorityLevel.AUTOMATIC;
        if (!priced) {
            level = AuthorityLevel.SUPERVISOR;
            why.add("The policy has no limits in " + currency + ", so a person prices and grants it.");
        } else if (whole != null) {
            level = levelFor(whole.value());
            why.add(authorityLine(whole.value(), level));
            if (level == AuthorityLevel.AUTOMATIC && overBudget(prior, whole.value(), why)) {
                level = AuthorityLevel.SUPERVISOR;
            }
        }
        if (c.reopened() && level == AuthorityLevel.AUTOMATIC) {
            level = AuthorityLevel.SUPERVISOR;
            why.add("The earlier recovery did not fix it, so a person takes it instead of the automatic level.");
        }
        // The last line so far says why the level is what it is.
        String reason = why.get(why.size() - 1);

        if (level == AuthorityLevel.AUTOMATIC) {
            if (whole != null) {
                why.add("Granted at once, in full: " + whole.description() + " (" + whole.value() + ").");
            }
            return new Decision(RecoveryOutcome.GRANTED, c.fault(), apology, parts, whole, level, null, rule.name(),
                    why, version);
        }
        EscalationPlan plan = plan(level, c.overService(), now, reason);
        why.add("Escalated to " + plan.owner() + " (" + level + "), answer due by "
                + plan.dueAt().truncatedTo(ChronoUnit.SECONDS)
                + (whole == null ? "." : ", with " + whole.value() + " proposed."));
        if (c.overService()) {
            Person person = person(level);
            why.add("The customer is to be over-served: " + person.overServiceOwner() + " within "
                    + hours(person.overServiceSla()) + " instead of " + person.owner() + " within "
                    + hours(person.sla()) + ".");
        }
        return new Decision(RecoveryOutcome.ESCALATED, c.fault(), apology, parts, whole, level, plan, rule.name(), why,
                version);
    }

    /** Who answers at a level, by when: over-served customers get the senior owner and the faster SLA. */
    public EscalationPlan plan(AuthorityLevel level, boolean overService, Instant now, String reason) {
        Person person = person(level);
        return new EscalationPlan(level, overService ? person.overServiceOwner() : person.owner(),
                now.plus(overService ? person.overServiceSla() : person.sla()), overService, reason);
    }

    /** The largest make-good a level may grant in a currency; none for currencies the policy does not price. */
    public Optional<Money> limit(AuthorityLevel level, String currency) {
        Map<String, BigDecimal> limits = switch (level) {
            case AUTOMATIC -> document.authority().automatic().limit();
            case SUPERVISOR -> document.authority().supervisor().limit();
            case MANAGER -> document.authority().manager().limit();
        };
        BigDecimal limit = limits.get(currency);
        return Optional.ofNullable(limit).map(amount -> new Money(amount, currency));
    }

    /** The fault rules of DOMAIN.md rule 3: only the parts of an apology that are honest. */
    static List<ApologyPart> apologyFor(Fault fault, boolean givesSomething) {
        List<ApologyPart> parts = new ArrayList<>(switch (fault) {
            case COMPANY -> List.of(ApologyPart.REGRET, ApologyPart.RESPONSIBILITY, ApologyPart.RESTITUTION,
                    ApologyPart.REPENTANCE, ApologyPart.REQUEST_FOR_FORGIVENESS);
            case CUSTOMER -> List.of(ApologyPart.REGRET, ApologyPart.RESTITUTION);
            case SHARED, UNKNOWN -> List.of(ApologyPart.REGRET, ApologyPart.RESTITUTION, ApologyPart.REPENTANCE);
        });
        if (!givesSomething) {
            parts.remove(ApologyPart.RESTITUTION);
        }
        return List.copyOf(parts);
    }

    private static String faultLine(Fault fault) {
        return switch (fault) {
            case COMPANY -> "We are at fault, so the apology has all five parts: regret, responsibility, "
                    + "restitution, what we change, and a request for forgiveness.";
            case CUSTOMER -> "The customer missed a step they were told about, so the apology admits no fault we "
                    + "do not have and lectures no one: we acknowledge it, help within the policy and leave the "
                    + "door open.";
            case SHARED -> "The fault is shared, so the apology offers regret, restitution and what we will look "
                    + "into.";
            case UNKNOWN -> "Fault is not established, so the apology offers regret, restitution and what we will "
                    + "look into, without admitting or assigning fault.";
        };
    }

    private MakeGoodRule ruleFor(RecoveryCase c) {
        return document.makeGoods().stream().filter(rule -> matches(rule.when(), c)).findFirst()
                .orElseThrow(() -> new IllegalStateException("a valid policy ends with a rule for everything"));
    }

    private static boolean matches(PolicyDocument.Conditions when, RecoveryCase c) {
        if (when == null) {
            return true;
        }
        return (empty(when.category()) || when.category().contains(c.category()))
                && (empty(when.severity()) || when.severity().contains(c.severity()))
                && (empty(when.fault()) || when.fault().contains(c.fault()))
                && (empty(when.tier()) || (c.tier() != null && when.tier().stream().anyMatch(c.tier()::equalsIgnoreCase)))
                && (when.overService() == null || when.overService() == c.overService());
    }

    private Optional<MakeGood> price(Give give, RecoveryCase c, String currency) {
        BigDecimal amount;
        if (give.ofStakePercent() != null) {
            if (c.atStake() == null) {
                return Optional.empty();
            }
            amount = c.atStake().amount().multiply(BigDecimal.valueOf(give.ofStakePercent()))
                    .divide(BigDecimal.valueOf(100));
        } else {
            amount = give.fixed().get(currency);
            if (amount == null) {
                return Optional.empty();
            }
        }
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        amount = amount.setScale(Math.max(digits, 0), RoundingMode.HALF_UP);
        if (amount.signum() == 0) {
            return Optional.empty();
        }
        String description = give.description()
                + (c.orderReference() == null || give.ofStakePercent() == null ? "" : " for order " + c.orderReference());
        return Optional.of(new MakeGood(give.kind(), new Money(amount, currency), description));
    }

    private AuthorityLevel levelFor(Money total) {
        if (!total.exceeds(limit(AuthorityLevel.AUTOMATIC, total.currency()).orElseThrow())) {
            return AuthorityLevel.AUTOMATIC;
        }
        return total.exceeds(limit(AuthorityLevel.SUPERVISOR, total.currency()).orElseThrow())
                ? AuthorityLevel.MANAGER : AuthorityLevel.SUPERVISOR;
    }

    private String authorityLine(Money total, AuthorityLevel level) {
        Money automatic = limit(AuthorityLevel.AUTOMATIC, total.currency()).orElseThrow();
        return switch (level) {
            case AUTOMATIC -> total + " is within the automatic authority of " + automatic + ".";
            case SUPERVISOR -> total + " is above the automatic authority of " + automatic + " and within a "
                    + "supervisor's " + limit(AuthorityLevel.SUPERVISOR, total.currency()).orElseThrow() + ".";
            case MANAGER -> total + " is above a supervisor's authority of "
                    + limit(AuthorityLevel.SUPERVISOR, total.currency()).orElseThrow() + ", so a manager grants it.";
        };
    }

    /** Counts the customer's earlier make-goods against the automatic budget and says so either way. */
    private boolean overBudget(PriorMakeGoods prior, Money total, List<String> why) {
        PolicyDocument.History history = document.history();
        Money budget = new Money(history.automaticAmount().get(total.currency()), total.currency());
        Money spent = prior.total() == null ? new Money(BigDecimal.ZERO, total.currency()) : prior.total();
        String earlier = "This customer had " + prior.count() + " make-good(s) worth " + spent + " in the last "
                + history.window() + "; the automatic budget is " + history.automaticMakeGoods() + " worth " + budget;
        boolean over = prior.count() >= history.automaticMakeGoods() || spent.plus(total).exceeds(budget);
        if (over) {
            why.add(earlier + ", and this one would go over it, so a supervisor looks at the history and grants "
                    + "it: a budget decides who grants, never whether.");
        } else if (prior.count() > 0) {
            why.add(earlier + "; this one stays within it.");
        }
        return over;
    }

    private Person person(AuthorityLevel level) {
        return level == AuthorityLevel.MANAGER ? document.authority().manager() : document.authority().supervisor();
    }

    private static String describe(List<MakeGood> parts) {
        return parts.stream().map(p -> p.kind() + " of " + p.value()).reduce((a, b) -> a + " and " + b).orElse("");
    }

    private static String hours(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
    }

    private static boolean empty(List<?> list) {
        return list == null || list.isEmpty();
    }
}
