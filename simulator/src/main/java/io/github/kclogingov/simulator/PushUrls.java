package io.github.kclogingov.simulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The rule for a registered push URL. Production takes public HTTPS on port 443 only; the
 * simulator also takes plain HTTP, since it pushes to a Keycloak on this machine.
 */
final class PushUrls {

    private PushUrls() {}

    static String checked(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("A push URL must be a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http"))
                || uri.getHost() == null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("A push URL must be an absolute http(s) URL without a fragment: " + url);
        }
        return url;
    }
}
