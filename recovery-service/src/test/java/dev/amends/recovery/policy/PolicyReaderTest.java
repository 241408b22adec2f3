package dev.amends.recovery.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.problem.ProblemType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyReaderTest {

    @Test
    void theShippedPolicyIsValid() {
        assertEquals("small-online-shop", PolicyReader.read(Policies.shippedDefault()).name());
    }

    @Test
    void aBrokenPolicyIsRefusedWithEveryProblemListed() {
        String broken = Policies.shippedDefault()
                .replace("supervisor:\n    limit: {EUR: \"250.00\"", "supervisor:\n    limit: {EUR: \"25.00\"")
                .replace("    owner: supervisors\n", "")
                .replace("over-service-sla: PT8H", "over-service-sla: PT72H")
                .replace("fixed: {EUR: \"4.95\", USD: \"4.95\", GBP: \"4.50\"}", "fixed: {EUR: \"4.955\", USD: \"4.95\"}")
                .replace("  - name: anything-else\n", "  - name: anything-else\n    when: {tier: [gold]}\n");
        ProblemException refused = assertThrows(ProblemException.class, () -> PolicyReader.read(broken));
        assertEquals(422, refused.status());
        assertEquals(ProblemType.POLICY_INVALID, refused.type());
        assertEquals(List.of(
                "authority.supervisor.owner",
                "authority.manager.over-service-sla",
                "authority.supervisor.limit.EUR",
                "make-goods[0].give[0].fixed.GBP",
                "make-goods[0].give[0].fixed.EUR",
                "make-goods[5].when"), refused.errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void aMisspeltKeyIsAnErrorNotSilentlyIgnored() {
        String misspelt = Policies.shippedDefault().replace("over-service-sla: PT4H", "over-servce-sla: PT4H");
        ProblemException refused = assertThrows(ProblemException.class, () -> PolicyReader.read(misspelt));
        assertEquals("authority.supervisor.over-servce-sla", refused.errors().get(0).field());
    }

    @Test
    void somethingThatIsNotAPolicyAtAllIsRefusedAsInvalid() {
        ProblemException refused = assertThrows(ProblemException.class, () -> PolicyReader.read("just: [text"));
        assertEquals(422, refused.status());
    }
}
