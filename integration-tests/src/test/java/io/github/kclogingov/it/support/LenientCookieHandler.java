package io.github.kclogingov.it.support;

import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keycloak treats http://localhost as a secure context (SecureContextResolver) and marks its cookies "Secure";
 * java.net.CookieManager then refuses to send them over http. This handler stores cookies with CookieManager's
 * store but sends every non-expired cookie whose path matches, ignoring the Secure flag. Test use only.
 */
public class LenientCookieHandler extends CookieHandler {

    private final CookieManager store = new CookieManager();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        String cookies = store.getCookieStore().getCookies().stream()
                .filter(c -> !c.hasExpired())
                .filter(c -> c.getPath() == null || path.startsWith(c.getPath()))
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        return cookies.isEmpty() ? Map.of() : Map.of("Cookie", List.of(cookies));
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) {
        responseHeaders.forEach((name, values) -> {
            if ("Set-Cookie".equalsIgnoreCase(name)) {
                for (String v : values) {
                    for (HttpCookie c : HttpCookie.parse(v)) {
                        store.getCookieStore().add(uri, c);
                    }
                }
            }
        });
    }
}
