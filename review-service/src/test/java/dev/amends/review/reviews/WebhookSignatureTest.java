package dev.amends.review.reviews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.amends.contract.review.ReviewSignature;
import dev.amends.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"platform\":\"GOOGLE\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final WebhookSignature signature = new WebhookSignature(
            List.of("hearth:old-secret", "hearth:new-secret", "globex:globex-secret", "bare-secret"), "default",
            Duration.ofMinutes(5));

    private int status(String tenant, String header, byte[] body) {
        return assertThrows(ProblemException.class, () -> signature.verify(tenant, header, body, NOW)).status();
    }

    @Test
    void aBodySignedWithEitherSecretOfATenantsRotationIsAcceptedForThatTenant() {
        assertEquals("hearth",
                signature.verify("hearth", ReviewSignature.header("old-secret", NOW, BODY), BODY, NOW).tenant());
        assertEquals("hearth", signature.verify("hearth",
                ReviewSignature.header("new-secret", NOW.minusSeconds(60), BODY), BODY, NOW).tenant());
    }

    @Test
    void aSecretWithoutATenantSignsForTheDefaultTenantOnly() {
        assertEquals("default", signature.verify(null, ReviewSignature.header("bare-secret", NOW, BODY), BODY, NOW)
                .tenant());
        assertEquals(403, status("hearth", ReviewSignature.header("bare-secret", NOW, BODY), BODY));
    }

    @Test
    void onePushSignedForATenantCannotBeSentIntoAnotherOrIntoAMadeUpOne() {
        String signedForHearth = ReviewSignature.header("new-secret", NOW, BODY);
        assertEquals(403, status("globex", signedForHearth, BODY));
        assertEquals(403, status("made-up", signedForHearth, BODY));
        assertEquals(403, status(null, signedForHearth, BODY));
    }

    @Test
    void aMissingSignatureIs401() {
        assertEquals(401, status("hearth", null, BODY));
        assertEquals(401, status("hearth", " ", BODY));
    }

    @Test
    void aWrongSecretAnAlteredBodyOrAMalformedHeaderIs403() {
        assertEquals(403, status("hearth", ReviewSignature.header("guess", NOW, BODY), BODY));
        assertEquals(403, status("hearth", ReviewSignature.header("new-secret", NOW, BODY),
                "{\"platform\":\"YELP\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(403, status("hearth", "v1=abc", BODY));
        assertEquals(403, status("hearth", "t=soon,v1=abc", BODY));
        assertEquals(403, status("hearth", "t=" + NOW.getEpochSecond() + ",v1=not-hex", BODY));
    }

    @Test
    void aSignatureOlderThanTheToleranceIsAReplay() {
        Instant then = NOW.minus(Duration.ofMinutes(6));
        assertEquals(403, status("hearth", ReviewSignature.header("new-secret", then, BODY), BODY));
    }

    @Test
    void anAbsurdTimestampIsRefusedAs403NotAnError() {
        for (String t : List.of(String.valueOf(Long.MAX_VALUE), String.valueOf(Long.MIN_VALUE), "-1",
                "99999999999999999")) {
            assertEquals(403, status("hearth", "t=" + t + ",v1=00", BODY), t);
        }
        assertEquals(403, status("hearth", "t=99999999999999999999999,v1=00", BODY));
    }

    @Test
    void withoutAnyConfiguredSecretNothingIsAccepted() {
        WebhookSignature none = new WebhookSignature(List.of(), "default", Duration.ofMinutes(5));
        assertThrows(ProblemException.class,
                () -> none.verify(null, ReviewSignature.header("any-secret", NOW, BODY), BODY, NOW));
    }
}
