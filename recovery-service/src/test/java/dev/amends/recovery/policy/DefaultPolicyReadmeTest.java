package dev.amends.recovery.policy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.Money;
import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.Severity;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.contract.recovery.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a typical complaint of each category gets from the shipped default policy, as the README
 * shows it: the table is what the policy decides, not what someone remembers it deciding.
 */
class DefaultPolicyReadmeTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final RecoveryPolicy policy = new RecoveryPolicy(PolicyReader.read(Policies.shippedDefault()), 1);

    private record Typical(ComplaintCategory category, String complaint, Severity severity, Fault fault,
            Money atStake) {
    }

    private static final List<Typical> TYPICAL = List.of(
            new Typical(ComplaintCategory.DELIVERY, "Parcel three days late", Severity.MEDIUM, Fault.COMPANY,
                    Money.of("4.90", "EUR")),
            new Typical(ComplaintCategory.DELIVERY, "Fridge two weeks late, a day off work lost", Severity.HIGH,
                    Fault.COMPANY, Money.of("39.90", "EUR")),
            new Typical(ComplaintCategory.DELIVERY, "Not at home in the slot they had booked", Severity.LOW,
                    Fault.CUSTOMER, null),
            new Typical(ComplaintCategory.BILLING, "Charged twice for one order", Severity.MEDIUM, Fault.COMPANY,
                    Money.of("24.99", "EUR")),
            new Typical(ComplaintCategory.BILLING, "Direct debit bounced, late fee charged", Severity.LOW,
                    Fault.CUSTOMER, Money.of("7.50", "EUR")),
            new Typical(ComplaintCategory.PRODUCT, "Kettle stopped working after a week", Severity.MEDIUM,
                    Fault.COMPANY, Money.of("49.00", "EUR")),
            new Typical(ComplaintCategory.PRODUCT, "Ordered the wrong size", Severity.LOW, Fault.CUSTOMER,
                    Money.of("89.00", "EUR")),
            new Typical(ComplaintCategory.SERVICE, "Promised call-back never came", Severity.MEDIUM, Fault.COMPANY,
                    null),
            new Typical(ComplaintCategory.SERVICE, "Told the wrong price on the phone, paid 15 more", Severity.MEDIUM,
                    Fault.COMPANY, Money.of("15.00", "EUR")),
            new Typical(ComplaintCategory.OTHER, "Gift card would not redeem", Severity.MEDIUM, Fault.COMPANY,
                    Money.of("25.00", "EUR")),
            new Typical(ComplaintCategory.OTHER, "Permit paperwork filled in wrongly", Severity.LOW, Fault.CUSTOMER,
                    null),
            new Typical(ComplaintCategory.OTHER, "Custom furniture order lost by the workshop", Severity.HIGH,
                    Fault.COMPANY, Money.of("640.00", "EUR")));

    static String table(RecoveryPolicy policy) {
        String rows = TYPICAL.stream().map(t -> {
            Decision d = policy.decide(new RecoveryCase(t.category(), t.severity(), t.fault(), null, false,
                    t.atStake(), null, 1, null, List.of()), new PriorMakeGoods(0, null), NOW);
            String given = d.parts().isEmpty() ? "nothing at stake: the apology, our help and the follow-up"
                    : d.parts().stream().map(p -> p.description() + " (" + p.value().amount().toPlainString() + " "
                            + p.value().currency() + ")").collect(Collectors.joining(" + "));
            String who = d.authority() == AuthorityLevel.AUTOMATIC ? "at once"
                    : d.escalation().owner() + " within " + Duration.between(NOW, d.escalation().dueAt()).toHours()
                            + " h";
            return "| " + t.category() + " | " + t.complaint() + " | " + t.fault().name().toLowerCase(Locale.ROOT)
                    + " | " + (t.atStake() == null ? "–" : t.atStake().amount().toPlainString() + " "
                            + t.atStake().currency()) + " | `" + d.rule() + "` | " + given + " | " + who + " |";
        }).collect(Collectors.joining("\n"));
        return "| category | a typical complaint | fault | at stake | rule | what it gets | who grants |\n"
                + "|---|---|---|---|---|---|---|\n" + rows + "\n";
    }

    @Test
    void theReadmeShowsWhatATypicalComplaintOfEachCategoryGets() throws IOException {
        String table = table(policy);
        Files.writeString(Path.of("target", "readme-default-policy.md"), table);
        assertTrue(Files.readString(Path.of("README.md")).contains(table),
                "README lacks the default policy's table as the policy decides it; see target/readme-default-policy.md");
        for (ComplaintCategory category : ComplaintCategory.values()) {
            assertTrue(table.contains("| " + category + " |"), category + " has no typical complaint in the table");
        }
    }
}
