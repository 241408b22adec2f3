package dev.amends.intake.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where a webhook may point. Outside the dev and test profiles only public https endpoints: a URL
 * that resolves to a loopback, private, link-local (cloud metadata) or multicast address would let
 * a CRM make the platform call into its own network. Checked when the webhook is registered and
 * again before every delivery, since a name can come to resolve elsewhere later.
 */
final class WebhookTargets {

    private WebhookTargets() {
    }

    /** Why {@code url} may not be a target, or empty when it may. */
    static Optional<String> refusal(String url, boolean privateTargetsAllowed) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (privateTargetsAllowed) {
            return Optional.empty();
        }
        if (!"https".equals(uri.getScheme())) {
            return Optional.of("must be an https URL");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("names a host that cannot be resolved");
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                    || address.isSiteLocalAddress() || address.isMulticastAddress() || uniqueLocal(address)) {
                return Optional.of("must not point at a loopback, private or link-local address");
            }
        }
        return Optional.empty();
    }

    /** IPv6 fc00::/7, the private range Java's isSiteLocalAddress does not cover. */
    private static boolean uniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }
}
