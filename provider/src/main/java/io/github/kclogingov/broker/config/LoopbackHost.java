package io.github.kclogingov.broker.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a URL's host is this machine, decided from the text alone: no name is looked up, so
 * {@code localhost.evil.example} (or a name an attacker's DNS points at 127.0.0.1) is not loopback.
 */
final class LoopbackHost {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private LoopbackHost() {}

    /** True for {@code localhost}, an address in 127.0.0.0/8, and the IPv6 loopback ({@code [::1]} as a URI writes it). */
    static boolean is(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost")) {
            return true;
        }
        var ipv4 = IPV4.matcher(name);
        if (ipv4.matches()) {
            for (int octet = 1; octet <= 4; octet++) {
                if (Integer.parseInt(ipv4.group(octet)) > 255) {
                    return false;
                }
            }
            return ipv4.group(1).equals("127");
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            try {
                // An IPv6 literal (only hex digits, colons and dots reach here): parsed, never resolved.
                String literal = name.substring(1, name.length() - 1);
                return literal.matches("[0-9a-f:.]+")
                        && InetAddress.getByName(literal).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
