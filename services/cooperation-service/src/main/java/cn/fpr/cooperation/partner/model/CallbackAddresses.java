package cn.fpr.cooperation.partner.model;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * Where notifications may be sent: a partner's callback must be an https address on the public
 * internet, so that a subscription cannot make the service call into its own network (loopback,
 * private, link-local, carrier-grade NAT or unique-local addresses). Development and tests may
 * allow plain http on private addresses.
 */
public final class CallbackAddresses {

    private CallbackAddresses() {
    }

    /** Why the callback may not be used, or null when it may. */
    public static String refusal(URI callback, List<InetAddress> resolved, boolean allowPrivate) {
        String scheme = callback.getScheme();
        if (callback.getHost() == null || !("https".equals(scheme) || allowPrivate && "http".equals(scheme))) {
            return allowPrivate ? "must be an absolute http(s) URL" : "must be an absolute https URL";
        }
        if (resolved.isEmpty()) {
            return "its host does not resolve";
        }
        if (!allowPrivate && !resolved.stream().allMatch(CallbackAddresses::isPublic)) {
            return "must be a public address, not one of this network's own";
        }
        return null;
    }

    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc;                              // fc00::/7 unique local
        }
        return !((bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64)      // 100.64.0.0/10 carrier-grade NAT
                && (bytes[0] & 0xff) != 0;                                   // 0.0.0.0/8
    }
}
