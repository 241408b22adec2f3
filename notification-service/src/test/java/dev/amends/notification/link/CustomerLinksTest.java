package dev.amends.notification.link;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the READMEs promise of the links sent to customers is what the links do. */
class CustomerLinksTest {

    @Test
    void theReadmeSaysFeedbackLinksExpireAndUnsubscribeLinksDoNot() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md")).replaceAll("\\s+", " ");
        assertTrue(readme.contains("A feedback link expires after 14 days"), "the README's word on feedback links");
        assertTrue(readme.contains("An unsubscribe link does not expire, so a customer can always leave"),
                "the README's word on unsubscribe links");
        assertTrue(!readme.contains("signed, expiring token is the credential"),
                "the README still calls every customer link expiring");
        // FollowUpIT proves a feedback link 15 days old is gone; an unsubscribe token holds no time at all.
        String service = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
        assertTrue(service.contains("signed and never expiring, so a customer can always leave"),
                "notification-service's README on unsubscribe links");
    }
}
