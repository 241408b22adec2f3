package dev.amends.notification.channel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailRefusalTest {

    @ParameterizedTest
    @ValueSource(ints = {521, 550, 551, 552, 553, 554, 556})
    void aRefusalOfTheMailboxOrMessageIsNotTriedAgain(int replyCode) {
        assertTrue(EmailChannel.refusesTheMessage(replyCode));
    }

    @ParameterizedTest
    @ValueSource(ints = {421, 450, 451, 452, 500, 501, 502, 503, 504})
    void aBusyServerOrAGarbledConversationIsTriedAgain(int replyCode) {
        assertFalse(EmailChannel.refusesTheMessage(replyCode));
    }

    @Test
    void aSendThatTimedOutMayHaveGoneOutSoItIsNeverTriedAgain() {
        assertTrue(EmailChannel.timedOut(new RuntimeException(new io.smallrye.mutiny.TimeoutException())));
        assertTrue(EmailChannel.timedOut(new RuntimeException(new java.util.concurrent.TimeoutException())));
        assertFalse(EmailChannel.timedOut(new RuntimeException(new java.io.IOException("connection refused"))));
    }
}
