package dev.amends.intake.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hook", "https://localhost:8443/hook", "https://[::1]/hook", "https://0.0.0.0/hook",
            "https://10.1.2.3/hook", "https://172.16.0.9/hook", "https://192.168.1.20/hook",
            "https://169.254.169.254/latest/meta-data", "https://[fd00::1]/hook", "https://224.0.0.1/hook" })
    void aLoopbackPrivateOrLinkLocalTargetIsRefusedInProduction(String url) {
        assertEquals(Optional.of("must not point at a loopback, private or link-local address"),
                WebhookTargets.refusal(url, false));
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://93.184.215.14/hook", "ftp://93.184.215.14/hook", "https:///no-host" })
    void onlyAbsoluteHttpsUrlsAreTargetsInProduction(String url) {
        assertTrue(WebhookTargets.refusal(url, false).isPresent(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://93.184.215.14/hook", "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook" })
    void aPublicHttpsTargetIsAccepted(String url) {
        assertEquals(Optional.empty(), WebhookTargets.refusal(url, false));
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:9999/hook", "http://localhost/hook" })
    void aLocalReceiverIsAcceptedWhereTheProfileAllowsIt(String url) {
        assertEquals(Optional.empty(), WebhookTargets.refusal(url, true));
    }
}
