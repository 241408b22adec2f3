package dev.amends.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.recovery.Fault;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToneCheckTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            We have credited 20.00 EUR. This is a one-time gesture.                        | GRUDGING_GIVING     | one-time
            Just this once, we will refund the fee.                                        | GRUDGING_GIVING     | Just this once
            As a courtesy, but without admitting anything, here is a voucher.              | GRUDGING_GIVING     | As a courtesy, but
            You only get one of these a year.                                              | GRUDGING_GIVING     | You only get one
            I don’t know what else you expect from us.                                     | GRUDGING_GIVING     | I don't know what else you expect
            I understand your frustration and we are looking into it.                      | BOILERPLATE_EMPATHY | I understand your frustration
            We apologize for any inconvenience caused.                                     | BOILERPLATE_EMPATHY | apologize for any inconvenience
            As stated in our policy, returns take 14 days.                                 | BLAME               | As stated in our policy
            You should   have checked the address before ordering.                         | BLAME               | You should have
            """)
    void findsThePhraseAndNamesTheRuleItBreaks(String text, ToneRule rule, String phrase) {
        List<ToneCheck.Finding> findings = ToneCheck.check(text, Fault.UNKNOWN);
        assertEquals(rule, findings.get(0).rule(), findings.toString());
        assertEquals(phrase.toLowerCase(), findings.get(0).phrase().toLowerCase());
    }

    @Test
    void anAdmissionOfFaultIsFalseOnlyWhereTheCustomerWasAtFault() {
        String text = "We are sorry it happened to you. We got this wrong.";
        assertTrue(ToneCheck.check(text, Fault.COMPANY).isEmpty());
        assertEquals(ToneRule.FALSE_ADMISSION, ToneCheck.check(text, Fault.CUSTOMER).get(0).rule());
    }

    @Test
    void aWarmSpecificMessagePasses() {
        String text = """
                Hello Ada,

                thank you for telling us about this: Fridge delivered two weeks late. We are sorry it happened
                to you. To make it right: a credit on your account (39.00 EUR). It is done already.
                If anything is still not right, just reply to this message.
                """;
        assertTrue(ToneCheck.check(text, Fault.UNKNOWN).isEmpty());
    }

    @Test
    void wordsThatMerelyContainAPhraseDoNotCount() {
        assertTrue(ToneCheck.check("Sometimes a one-timer is what it is; per our policyholders' wishes.",
                Fault.UNKNOWN).isEmpty());
    }

    @Test
    void aFindingExplainsItselfToThePersonWhoReadsIt() {
        assertEquals("\"as stated in our policy\" breaks rule 3 (BLAME): No lecture and no pointing at the customer "
                + "or the rule book.", ToneCheck.check("as stated in our policy", Fault.UNKNOWN).get(0).explain());
    }
}
