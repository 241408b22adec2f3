package dev.amends.recovery.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.Severity;
import dev.amends.contract.recovery.ApologyPart;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.Fault;
import dev.amends.contract.recovery.MakeGoodKind;
import dev.amends.contract.recovery.RecoveryOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The shipped default policy, applied to a table of complaints. */
class RecoveryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final RecoveryPolicy policy = new RecoveryPolicy(PolicyReader.read(Policies.shippedDefault()), 1);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # case                                          | category | severity | fault   | over  | at stake  | prior | prior total | round || outcome   | authority  | rule                     | total     | owner                  | hours
            company fault, within authority                 | DELIVERY | MEDIUM   | COMPANY | false | 30 EUR    | 0     | -           | 1     || GRANTED   | AUTOMATIC  | delivery-problem         | 30.00 EUR | -                      | -
            customer fault: the fee waived, nothing more    | DELIVERY | MEDIUM   | CUSTOMER| false | 30 EUR    | 0     | -           | 1     || GRANTED   | AUTOMATIC  | customer-missed-a-delivery | 4.95 EUR | -                      | -
            shared fault, faulty product replaced           | PRODUCT  | LOW      | SHARED  | false | 45 EUR    | 0     | -           | 1     || GRANTED   | AUTOMATIC  | faulty-product           | 45.00 EUR | -                      | -
            billing mistake exactly at the automatic limit  | BILLING  | MEDIUM   | UNKNOWN | false | 50.00 EUR | 0     | -           | 1     || GRANTED   | AUTOMATIC  | billing-mistake          | 50.00 EUR | -                      | -
            one cent above the automatic limit              | BILLING  | MEDIUM   | UNKNOWN | false | 50.01 EUR | 0     | -           | 1     || ESCALATED | SUPERVISOR | billing-mistake          | 50.01 EUR | supervisors            | 24
            serious delivery failure: refund and expedite   | DELIVERY | HIGH     | COMPANY | false | 45 EUR    | 0     | -           | 1     || ESCALATED | SUPERVISOR | serious-delivery-failure | 54.90 EUR | supervisors            | 24
            above a supervisor: a manager grants it         | OTHER    | MEDIUM   | UNKNOWN | false | 300 EUR   | 0     | -           | 1     || ESCALATED | MANAGER    | anything-else            | 300.00 EUR| customer-care-managers | 48
            other category, pounds, at the limit            | OTHER    | LOW      | UNKNOWN | false | 45.00 GBP | 0     | -           | 1     || GRANTED   | AUTOMATIC  | anything-else            | 45.00 GBP | -                      | -
            pounds one penny above the limit                | OTHER    | LOW      | UNKNOWN | false | 45.01 GBP | 0     | -           | 1     || ESCALATED | SUPERVISOR | anything-else            | 45.01 GBP | supervisors            | 24
            over-served within authority: granted at once   | SERVICE  | HIGH     | UNKNOWN | true  | 10 EUR    | 0     | -           | 1     || GRANTED   | AUTOMATIC  | poor-service             | 20.00 EUR | -                      | -
            over-served above it: senior owner, faster SLA  | SERVICE  | HIGH     | UNKNOWN | true  | 100 EUR   | 0     | -           | 1     || ESCALATED | SUPERVISOR | poor-service             | 110.00 EUR| senior-supervisors     | 4
            over-served manager level                       | SERVICE  | HIGH     | COMPANY | true  | 900 USD   | 0     | -           | 1     || ESCALATED | MANAGER    | poor-service             | 910.00 USD| head-of-customer-care  | 8
            history within budget                           | DELIVERY | MEDIUM   | UNKNOWN | false | 20 EUR    | 2     | 60 EUR      | 1     || GRANTED   | AUTOMATIC  | delivery-problem         | 20.00 EUR | -                      | -
            history over the count: escalated, not refused  | DELIVERY | MEDIUM   | UNKNOWN | false | 10 EUR    | 3     | 30 EUR      | 1     || ESCALATED | SUPERVISOR | delivery-problem         | 10.00 EUR | supervisors            | 24
            history over the amount: escalated, not refused | DELIVERY | MEDIUM   | UNKNOWN | false | 20 EUR    | 1     | 140 EUR     | 1     || ESCALATED | SUPERVISOR | delivery-problem         | 20.00 EUR | supervisors            | 24
            a currency the policy does not price            | DELIVERY | MEDIUM   | UNKNOWN | false | 5000 JPY  | 0     | -           | 1     || ESCALATED | SUPERVISOR | delivery-problem         | 5000 JPY  | supervisors            | 24
            reopened: a person takes it                     | DELIVERY | MEDIUM   | UNKNOWN | false | 10 EUR    | 0     | -           | 2     || ESCALATED | SUPERVISOR | delivery-problem         | 10.00 EUR | supervisors            | 24
            nothing at stake: the apology and follow-up     | OTHER    | LOW      | COMPANY | false | -         | 0     | -           | 1     || GRANTED   | AUTOMATIC  | anything-else            | -         | -                      | -
            poor service with nothing at stake: time credit | SERVICE  | LOW      | COMPANY | false | -         | 0     | -           | 1     || GRANTED   | AUTOMATIC  | poor-service             | 10.00 EUR | -                      | -
            customer paid late: that fee waived             | BILLING  | LOW      | CUSTOMER| false | 7.50 EUR  | 0     | -           | 1     || GRANTED   | AUTOMATIC  | customer-missed-a-payment | 7.50 EUR | -                      | -
            customer ordered the wrong size: free exchange  | PRODUCT  | LOW      | CUSTOMER| false | 89 EUR    | 0     | -           | 1     || GRANTED   | AUTOMATIC  | customer-chose-the-wrong-item | 5.95 EUR | -                  | -
            customer filled in a form wrongly: no odd fee   | OTHER    | LOW      | CUSTOMER| false | -         | 0     | -           | 1     || GRANTED   | AUTOMATIC  | customer-missed-a-step   | -         | -                      | -
            customer missed a step of a service: no fee     | SERVICE  | MEDIUM   | CUSTOMER| false | -         | 0     | -           | 1     || GRANTED   | AUTOMATIC  | customer-missed-a-step   | -         | -                      | -
            """)
    void decidesEachCaseAsThePolicySays(String name, ComplaintCategory category, Severity severity, Fault fault,
            boolean overService, String atStake, int priorCount, String priorTotal, int round, String ignored,
            RecoveryOutcome outcome, AuthorityLevel authority, String rule, String total, String owner, Integer hours) {
        Money stake = money(atStake);
        var recoveryCase = new RecoveryCase(category, severity, fault, "gold", overService, stake, "ORD-1", round,
                round > 1 ? "Still broken" : null, List.of());
        var decision = policy.decide(recoveryCase, new PriorMakeGoods(priorCount, money(priorTotal)), NOW);

        assertEquals(outcome, decision.outcome(), decision.rationale().toString());
        assertEquals(authority, decision.authority(), decision.rationale().toString());
        assertEquals(rule, decision.rule());
        assertEquals(money(total), decision.whole() == null ? null : decision.whole().value());
        if (owner == null) {
            assertNull(decision.escalation());
        } else {
            assertEquals(owner, decision.escalation().owner());
            assertEquals(NOW.plus(Duration.ofHours(hours)), decision.escalation().dueAt());
        }
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void theApologyHasOnlyTheHonestPartsForTheFault(Fault fault) {
        var decision = policy.decide(complaint(fault, Money.of("20", "EUR")), PriorMakeGoods.none(), NOW);
        List<ApologyPart> expected = switch (fault) {
            case COMPANY -> List.of(ApologyPart.values());
            case CUSTOMER -> List.of(ApologyPart.REGRET, ApologyPart.RESTITUTION);
            case SHARED, UNKNOWN -> List.of(ApologyPart.REGRET, ApologyPart.RESTITUTION, ApologyPart.REPENTANCE);
        };
        assertEquals(expected, decision.apology());
    }

    @Test
    void withNothingToGiveTheApologyPromisesNoRestitution() {
        var decision = policy.decide(complaint(Fault.COMPANY, null), PriorMakeGoods.none(), NOW);
        assertEquals(List.of(ApologyPart.REGRET, ApologyPart.RESPONSIBILITY, ApologyPart.REPENTANCE,
                ApologyPart.REQUEST_FOR_FORGIVENESS), decision.apology());
    }

    @Test
    void aCombinedMakeGoodListsEachPartAndStatesTheWholePlainly() {
        var recoveryCase = new RecoveryCase(ComplaintCategory.DELIVERY, Severity.CRITICAL, Fault.COMPANY, null,
                false, Money.of("19.90", "EUR"), "ORD-9", 1, null, List.of());
        var decision = policy.decide(recoveryCase, PriorMakeGoods.none(), NOW);
        assertEquals(List.of(MakeGoodKind.REFUND, MakeGoodKind.EXPEDITE),
                decision.parts().stream().map(p -> p.kind()).toList());
        assertEquals(Money.of("29.80", "EUR"), decision.whole().value());
        assertEquals("a full refund of what you paid for the delivery for order ORD-9 (19.90 EUR) and free express "
                + "shipping on your next order (9.90 EUR)", decision.whole().description());
    }

    @Test
    void everyDecisionSaysInPlainWordsWhichRulesFiredAndWhy() {
        var decision = policy.decide(complaint(Fault.UNKNOWN, Money.of("80", "EUR")), new PriorMakeGoods(1,
                Money.of("20", "EUR")), NOW);
        String why = String.join("\n", decision.rationale());
        assertTrue(why.contains("Rule \"delivery-problem\" applies"), why);
        assertTrue(why.contains("80.00 EUR is above the automatic authority of 50.00 EUR"), why);
        assertTrue(why.contains("Escalated to supervisors (SUPERVISOR), answer due by 2026-11-23T10:00:00Z"), why);
    }

    @Test
    void goingOverTheHistoryBudgetSaysItChangesWhoGrantsNeverWhether() {
        var decision = policy.decide(complaint(Fault.UNKNOWN, Money.of("10", "EUR")),
                new PriorMakeGoods(3, Money.of("30", "EUR")), NOW);
        assertEquals(Money.of("10", "EUR"), decision.escalation() == null ? null : decision.whole().value());
        assertTrue(decision.rationale().stream().anyMatch(line -> line.contains("never whether")),
                decision.rationale().toString());
    }

    @Test
    void aShareOfTheStakeIsRoundedHalfUpToTheCurrencysOwnDigits() {
        String draft = Policies.shippedDefault().replace("kind: REPLACEMENT\n        of-stake-percent: 100",
                "kind: REPLACEMENT\n        of-stake-percent: 33");
        var custom = new RecoveryPolicy(PolicyReader.read(draft), 2);
        var recoveryCase = new RecoveryCase(ComplaintCategory.PRODUCT, Severity.LOW, Fault.UNKNOWN, null, false,
                Money.of("10.05", "EUR"), null, 1, null, List.of());
        assertEquals(Money.of("3.32", "EUR"), custom.decide(recoveryCase, PriorMakeGoods.none(), NOW).whole().value());
    }

    private static RecoveryCase complaint(Fault fault, Money atStake) {
        return new RecoveryCase(ComplaintCategory.DELIVERY, Severity.MEDIUM, fault, "gold", false, atStake, "ORD-1", 1,
                null, List.of());
    }

    private static Money money(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.strip().split(" ");
        return Money.of(parts[0], parts[1]);
    }
}
