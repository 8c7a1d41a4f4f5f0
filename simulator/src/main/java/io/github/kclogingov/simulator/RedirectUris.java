package io.github.kclogingov.simulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Login.gov's redirect URI comparison, and how parameters are added to a redirect. */
final class RedirectUris {

    private RedirectUris() {}

    /**
     * Production compares without wildcards: scheme and host case-insensitively (they are
     * case-insensitive in URLs), port, path and query exactly.
     */
    static boolean matches(String registered, String requested) {
        if (registered == null || requested == null) {
            return false;
        }
        try {
            URI a = new URI(registered);
            URI b = new URI(requested);
            if (a.getScheme() == null
                    || b.getScheme() == null
                    || a.getHost() == null
                    || b.getHost() == null
                    || b.getRawFragment() != null) {
                return registered.equals(requested);
            }
            return a.getScheme().toLowerCase(Locale.ROOT).equals(b.getScheme().toLowerCase(Locale.ROOT))
                    && a.getHost().toLowerCase(Locale.ROOT).equals(b.getHost().toLowerCase(Locale.ROOT))
                    && port(a) == port(b)
                    && Objects.equals(a.getRawUserInfo(), b.getRawUserInfo())
                    && Objects.equals(a.getRawPath(), b.getRawPath())
                    && Objects.equals(a.getRawQuery(), b.getRawQuery());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** The URI with the non-null parameters appended to its query, in the given order. */
    static String withParameters(String uri, Map<String, String> parameters) {
        StringBuilder result = new StringBuilder(uri);
        char separator = uri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getValue() == null) {
                continue;
            }
            result.append(separator)
                    .append(encode(parameter.getKey()))
                    .append('=')
                    .append(encode(parameter.getValue()));
            separator = '&';
        }
        return result.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
