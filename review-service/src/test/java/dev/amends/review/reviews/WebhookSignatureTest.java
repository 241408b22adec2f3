package dev.amends.review.reviews;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
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
    private final WebhookSignature signature = new WebhookSignature(List.of("old-secret", "new-secret"),
            Duration.ofMinutes(5));

    private int status(String header, byte[] body) {
        return assertThrows(ProblemException.class, () -> signature.verify(header, body, NOW)).status();
    }

    @Test
    void aBodySignedWithEitherSecretOfARotationIsAccepted() {
        assertDoesNotThrow(() -> signature.verify(ReviewSignature.header("old-secret", NOW, BODY), BODY, NOW));
        assertDoesNotThrow(() -> signature.verify(ReviewSignature.header("new-secret", NOW.minusSeconds(60), BODY),
                BODY, NOW));
    }

    @Test
    void aMissingSignatureIs401() {
        assertEquals(401, status(null, BODY));
        assertEquals(401, status(" ", BODY));
    }

    @Test
    void aWrongSecretAnAlteredBodyOrAMalformedHeaderIs403() {
        assertEquals(403, status(ReviewSignature.header("guess", NOW, BODY), BODY));
        assertEquals(403, status(ReviewSignature.header("new-secret", NOW, BODY),
                "{\"platform\":\"YELP\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(403, status("v1=abc", BODY));
        assertEquals(403, status("t=soon,v1=abc", BODY));
        assertEquals(403, status("t=" + NOW.getEpochSecond() + ",v1=not-hex", BODY));
    }

    @Test
    void aSignatureOlderThanTheToleranceIsAReplay() {
        Instant then = NOW.minus(Duration.ofMinutes(6));
        assertEquals(403, status(ReviewSignature.header("new-secret", then, BODY), BODY));
    }

    @Test
    void withoutAnyConfiguredSecretNothingIsAccepted() {
        WebhookSignature none = new WebhookSignature(List.of(), Duration.ofMinutes(5));
        assertThrows(ProblemException.class, () -> none.verify(ReviewSignature.header("any-secret", NOW, BODY), BODY, NOW));
    }
}
