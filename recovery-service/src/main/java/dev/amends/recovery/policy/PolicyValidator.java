package dev.amends.recovery.policy;

import dev.amends.recovery.policy.PolicyDocument.Give;
import dev.amends.recovery.policy.PolicyDocument.MakeGoodRule;
import dev.amends.recovery.policy.PolicyDocument.Person;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a policy document as a whole and lists every finding, so its author fixes them in one go.
 * Beyond well-formedness it holds the rules a policy may not break: limits rise level by level,
 * every complaint meets a rule, and every amount is exact in its currency.
 */
final class PolicyValidator {

    /** Where in the document, and what is wrong. */
    record Finding(String path, String message) {
    }

    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> currencies = new HashSet<>();

    private PolicyValidator() {
    }

    static List<Finding> validate(PolicyDocument policy) {
        PolicyValidator validator = new PolicyValidator();
        validator.check(policy);
        return validator.findings;
    }

    private void check(PolicyDocument policy) {
        if (blank(policy.name())) {
            add("name", "is required");
        }
        checkCurrencies(policy.currencies());
        if (policy.authority() == null) {
            add("authority", "is required: automatic, supervisor and manager, each with a limit");
        } else {
            var authority = policy.authority();
            Map<String, BigDecimal> automatic = authority.automatic() == null ? null : authority.automatic().limit();
            if (authority.automatic() == null) {
                add("authority.automatic", "is required");
            }
            checkAmounts("authority.automatic.limit", automatic);
            checkPerson("authority.supervisor", authority.supervisor());
            checkPerson("authority.manager", authority.manager());
            if (authority.supervisor() != null && authority.manager() != null) {
                checkRising("authority.supervisor.limit", automatic, authority.supervisor().limit());
                checkRising("authority.manager.limit", authority.supervisor().limit(), authority.manager().limit());
            }
        }
        checkHistory(policy.history());
        checkRules(policy.makeGoods());
    }

    private void checkCurrencies(List<String> list) {
        if (list == null || list.isEmpty()) {
            add("currencies", "list at least one ISO 4217 currency");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String code = list.get(i);
            if (code == null || !Money4217.isKnown(code)) {
                add("currencies[" + i + "]", code + " is not an ISO 4217 currency");
            } else if (!currencies.add(code)) {
                add("currencies[" + i + "]", code + " is listed twice");
            }
        }
    }

    private void checkPerson(String path, Person person) {
        if (person == null) {
            add(path, "is required");
            return;
        }
        checkAmounts(path + ".limit", person.limit());
        if (blank(person.owner())) {
            add(path + ".owner", "is required: escalations always have a named owner");
        }
        if (blank(person.overServiceOwner())) {
            add(path + ".over-service-owner", "is required: customers to be over-served get a more senior owner");
        }
        checkPositive(path + ".sla", person.sla());
        checkPositive(path + ".over-service-sla", person.overServiceSla());
        if (person.sla() != null && person.overServiceSla() != null
                && person.overServiceSla().compareTo(person.sla()) > 0) {
            add(path + ".over-service-sla", "is slower than the sla; over-served customers get the faster answer");
        }
    }

    private void checkHistory(PolicyDocument.History history) {
        if (history == null) {
            add("history", "is required: window, automatic-make-goods and automatic-amount");
            return;
        }
        if (history.window() == null || history.window().isNegative() || history.window().isZero()) {
            add("history.window", "must be a positive period, for example P12M");
        }
        if (history.automaticMakeGoods() == null || history.automaticMakeGoods() < 0) {
            add("history.automatic-make-goods", "must be zero or more");
        }
        checkAmounts("history.automatic-amount", history.automaticAmount());
    }

    private void checkRules(List<MakeGoodRule> rules) {
        if (rules == null || rules.isEmpty()) {
            add("make-goods", "list at least one rule; the last one without conditions");
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            MakeGoodRule rule = rules.get(i);
            String path = "make-goods[" + i + "]";
            if (rule == null) {
                add(path, "is empty");
                continue;
            }
            if (blank(rule.name())) {
                add(path + ".name", "is required: decisions say which rule fired");
            } else if (!names.add(rule.name())) {
                add(path + ".name", rule.name() + " is used twice");
            }
            if (blank(rule.why())) {
                add(path + ".why", "is required: a supervisor reads it in the decision");
            }
            if (rule.give() == null || rule.give().isEmpty()) {
                add(path + ".give", "list at least one make-good");
            } else {
                for (int g = 0; g < rule.give().size(); g++) {
                    checkGive(path + ".give[" + g + "]", rule.give().get(g));
                }
            }
        }
        if (!matchesEverything(rules.get(rules.size() - 1))) {
            add("make-goods[" + (rules.size() - 1) + "].when",
                    "the last rule must have no conditions, so that no complaint falls through");
        }
    }

    private void checkGive(String path, Give give) {
        if (give == null) {
            add(path, "is empty");
            return;
        }
        if (give.kind() == null) {
            add(path + ".kind", "is required: ACCOUNT_CREDIT, REFUND, REPLACEMENT, EXPEDITE or WAIVED_FEE");
        }
        if (blank(give.description())) {
            add(path + ".description", "is required: it is what the customer reads");
        }
        boolean share = give.ofStakePercent() != null;
        boolean fixed = give.fixed() != null;
        if (share == fixed) {
            add(path, "give either of-stake-percent or fixed, not " + (share ? "both" : "neither"));
        }
        if (share && (give.ofStakePercent() < 1 || give.ofStakePercent() > 1000)) {
            add(path + ".of-stake-percent", "must be between 1 and 1000");
        }
        if (fixed) {
            checkAmounts(path + ".fixed", give.fixed());
        }
    }

    private void checkAmounts(String path, Map<String, BigDecimal> amounts) {
        if (amounts == null) {
            add(path, "is required, with an amount for each of the policy's currencies");
            return;
        }
        for (String currency : currencies) {
            if (!amounts.containsKey(currency)) {
                add(path + "." + currency, "is missing");
            }
        }
        amounts.forEach((currency, amount) -> {
            if (!currencies.contains(currency)) {
                add(path + "." + currency, currency + " is not one of the policy's currencies");
            } else if (amount == null || amount.signum() < 0) {
                add(path + "." + currency, "must be zero or more");
            } else if (!Money4217.fitsCurrency(amount, currency)) {
                add(path + "." + currency, amount.toPlainString() + " has more decimal places than " + currency);
            }
        });
    }

    private void checkRising(String path, Map<String, BigDecimal> lower, Map<String, BigDecimal> higher) {
        if (lower == null || higher == null) {
            return;
        }
        higher.forEach((currency, amount) -> {
            BigDecimal below = lower.get(currency);
            if (amount != null && below != null && amount.compareTo(below) < 0) {
                add(path + "." + currency, amount.toPlainString() + " is below the level beneath it ("
                        + below.toPlainString() + "); each level may grant at least what the one below can");
            }
        });
    }

    private void checkPositive(String path, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            add(path, "must be a positive duration, for example PT24H");
        }
    }

    private static boolean matchesEverything(MakeGoodRule rule) {
        var when = rule == null ? null : rule.when();
        return when == null || (empty(when.category()) && empty(when.severity()) && empty(when.fault())
                && empty(when.tier()) && when.overService() == null);
    }

    private static boolean empty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private void add(String path, String message) {
        findings.add(new Finding(path, message));
    }

    /** ISO 4217 checks, kept apart from {@code Money} so a bad document reports rather than throws. */
    private static final class Money4217 {
        static boolean isKnown(String code) {
            try {
                Currency.getInstance(code);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        static boolean fitsCurrency(BigDecimal amount, String code) {
            int digits = Currency.getInstance(code).getDefaultFractionDigits();
            return digits < 0 || amount.stripTrailingZeros().scale() <= digits;
        }
    }
}
