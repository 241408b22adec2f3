package dev.amends.intake.webhook;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where a webhook may point. Outside the dev and test profiles only https on port 443 to globally
 * reachable unicast addresses: anything else would let a CRM make the platform call into its own
 * network, a cloud metadata service or, through a translation prefix, any IPv4 address. The name is
 * resolved once and the delivery connects to the address that was checked, so a name that
 * resolves elsewhere a moment later (DNS rebinding) reaches nothing new. Checked when the webhook
 * is registered and again before every delivery.
 */
final class WebhookTargets {

    /**
     * IPv4 blocks the IANA IPv4 Special-Purpose Address Registry marks not globally reachable (or
     * deprecated), with multicast and the reserved 240/4 (which holds limited broadcast).
     */
    private static final List<IPAddress> NOT_GLOBAL_V4 = blocks("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
            "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24",
            "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");
    /** IPv6 global unicast space (RFC 4291): everything else is loopback, mapped, local or multicast. */
    private static final IPAddress GLOBAL_UNICAST_V6 = new IPAddressString("2000::/3").getAddress();
    /**
     * Blocks inside it the IANA IPv6 Special-Purpose Address Registry lists: protocol assignments
     * (Teredo among them), documentation, 6to4 (which carries an IPv4 address) and SRv6 SIDs.
     */
    private static final List<IPAddress> NOT_GLOBAL_V6 = blocks("2001::/23", "2001:db8::/32", "2002::/16",
            "3fff::/20");

    private WebhookTargets() {
    }

    /** A target that passed: where to connect (the address that was checked) and whom to ask for. */
    record Target(URI uri, InetAddress address, int port) {

        boolean https() {
            return "https".equals(uri.getScheme());
        }

        String pathAndQuery() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
    }

    /**
     * Why {@code url} may not be a target, or empty when it may. Where private targets are allowed
     * (dev and test) the name is not resolved yet: only a delivery needs an address.
     */
    static Optional<String> refusal(String url, boolean privateTargetsAllowed) {
        try {
            if (privateTargetsAllowed) {
                checked(url, true);
            } else {
                resolve(url, false);
            }
            return Optional.empty();
        } catch (Refused refused) {
            return Optional.of(refused.getMessage());
        }
    }

    /** The address to deliver to, resolved and checked once. */
    static Target resolve(String url, boolean privateTargetsAllowed) throws Refused {
        URI uri = checked(url, privateTargetsAllowed);
        int port = uri.getPort() == -1 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new Refused("names a host that cannot be resolved");
        }
        if (!privateTargetsAllowed) {
            for (InetAddress address : addresses) {
                if (!globalUnicast(address)) {
                    throw new Refused("must point at a public address, not a loopback, private, shared, "
                            + "link-local, reserved, translated or multicast one");
                }
            }
        }
        return new Target(uri, addresses[0], port);
    }

    /** The URL, when its scheme, port and form may be a target's. */
    private static URI checked(String url, boolean privateTargetsAllowed) throws Refused {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new Refused("must be an absolute http or https URL");
        }
        boolean https = "https".equals(uri.getScheme());
        if (uri.getHost() == null || !(https || "http".equals(uri.getScheme())) || uri.getRawUserInfo() != null) {
            throw new Refused("must be an absolute http or https URL without user information");
        }
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        if (!privateTargetsAllowed && !https) {
            throw new Refused("must be an https URL");
        }
        if (!privateTargetsAllowed && port != 443) {
            throw new Refused("must use the https port, 443");
        }
        return uri;
    }

    static boolean globalUnicast(InetAddress address) {
        if (address instanceof Inet4Address) {
            IPAddress ip = new IPv4Address(address.getAddress());
            return NOT_GLOBAL_V4.stream().noneMatch(block -> block.contains(ip));
        }
        IPAddress ip = new IPv6Address(address.getAddress());
        return GLOBAL_UNICAST_V6.contains(ip) && NOT_GLOBAL_V6.stream().noneMatch(block -> block.contains(ip));
    }

    private static List<IPAddress> blocks(String... cidrs) {
        return Arrays.stream(cidrs).map(cidr -> new IPAddressString(cidr).getAddress()).toList();
    }

    /** A URL that may not be a webhook target, and why. */
    static final class Refused extends Exception {

        Refused(String why) {
            super(why, null, false, false);
        }
    }
}
