package dev.amends.recovery.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
                "make-goods[9].when"), refused.errors().stream().map(Problem.FieldError::field).toList());
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

    @Test
    void errorsAreInAnAuthorsWordsNeverJavaClassesOrParserTokens() {
        List<String> documents = List.of(
                Policies.shippedDefault().replace("over-service-sla: PT4H", "over-servce-sla: PT4H"),
                Policies.shippedDefault().replace("sla: PT24H", "sla: tomorrow"),
                Policies.shippedDefault().replace("window: P12M", "window: [1, 2]"),
                Policies.shippedDefault().replace("kind: REPLACEMENT", "kind: CASH"),
                "just: [text",
                "name: \u0000",
                "[1, 2, 3]");
        for (String document : documents) {
            ProblemException refused = assertThrows(ProblemException.class, () -> PolicyReader.read(document));
            for (Problem.FieldError error : refused.errors()) {
                assertFalse(error.message().matches("(?s).*(java\\.|dev\\.amends|`|Cannot deserialize|token|"
                        + "START_|END_|VALUE_|Unrecognized|class ).*"), error.message());
            }
        }
        ProblemException unknown = assertThrows(ProblemException.class, () -> PolicyReader.read(documents.get(0)));
        assertEquals("is not a key a policy document has (see the shipped policy for every key)",
                unknown.errors().get(0).message());
        ProblemException sla = assertThrows(ProblemException.class, () -> PolicyReader.read(documents.get(1)));
        assertEquals("must be an ISO 8601 duration such as PT24H", sla.errors().get(0).message());
    }

    @Test
    void textThatCannotBeStoredIsRefusedWhereverTheDocumentHasIt() {
        String escaped = Policies.shippedDefault().replace("name: small-online-shop", "name: \"small\\0shop\"")
                .replace("owner: supervisors", "owner: \"super\\uD800visors\"");
        ProblemException refused = assertThrows(ProblemException.class, () -> PolicyReader.read(escaped));
        assertEquals(422, refused.status());
        assertEquals(List.of("name", "authority.supervisor.owner"),
                refused.errors().stream().map(Problem.FieldError::field).toList());
        ProblemException raw = assertThrows(ProblemException.class,
                () -> PolicyReader.read(Policies.shippedDefault() + "\u0000"));
        assertEquals("the document must not contain the NUL character (U+0000)", raw.errors().get(0).message());
    }
}
