package dev.amends.intake.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hook", "https://localhost/hook", "https://[::1]/hook", "https://0.0.0.0/hook",
            "https://10.1.2.3/hook", "https://172.16.0.9/hook", "https://192.168.1.20/hook",
            "https://169.254.169.254/latest/meta-data", "https://[fd00::1]/hook", "https://224.0.0.1/hook",
            // Shared address space (a cloud metadata address lives here), NAT64 and IPv4-compatible
            // forms that reach any IPv4 address, IETF protocol assignments, benchmarking, broadcast.
            "https://100.100.100.200/latest/meta-data", "https://100.64.0.1/hook", "https://[64:ff9b::a9fe:a9fe]/hook",
            "https://[64:ff9b::7f00:1]/hook", "https://[::127.0.0.1]/hook", "https://[::ffff:127.0.0.1]/hook",
            "https://[::ffff:169.254.169.254]/hook", "https://192.0.0.8/hook", "https://198.18.0.1/hook",
            "https://198.19.255.255/hook", "https://255.255.255.255/hook", "https://240.0.0.1/hook",
            "https://192.0.2.10/hook", "https://[2001:db8::1]/hook", "https://[2002:7f00:1::]/hook",
            "https://[2001:0::1]/hook", "https://[fe80::1]/hook", "https://[ff02::1]/hook", "https://[::]/hook" })
    void anAddressThatIsNotGlobalUnicastIsRefusedInProduction(String url) {
        assertEquals(Optional.of("must point at a public address, not a loopback, private, shared, link-local, "
                        + "reserved, translated or multicast one"), WebhookTargets.refusal(url, false), url);
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://93.184.215.14:8443/hook", "https://93.184.215.14:22/hook",
            "https://93.184.215.14:80/hook" })
    void onlyTheHttpsPortIsATargetInProduction(String url) {
        assertEquals(Optional.of("must use the https port, 443"), WebhookTargets.refusal(url, false));
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://93.184.215.14/hook", "ftp://93.184.215.14/hook", "https:///no-host",
            "https://user:pass@93.184.215.14/hook" })
    void onlyAbsoluteHttpsUrlsAreTargetsInProduction(String url) {
        assertTrue(WebhookTargets.refusal(url, false).isPresent(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://93.184.215.14/hook", "https://93.184.215.14:443/hook",
            "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook", "https://8.8.8.8/hook" })
    void aPublicHttpsTargetIsAccepted(String url) {
        assertEquals(Optional.empty(), WebhookTargets.refusal(url, false));
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:9999/hook", "http://localhost/hook" })
    void aLocalReceiverIsAcceptedWhereTheProfileAllowsIt(String url) {
        assertEquals(Optional.empty(), WebhookTargets.refusal(url, true));
    }
}
