package io.github.kclogingov.broker.migration;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** One parameter of a URL's query, decoded: how the stock provider was given acr_values. */
final class QueryParameter {

    private QueryParameter() {}

    static Optional<String> of(String url, String name) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        // Read by hand rather than through java.net.URI, which refuses a URL whose acr_values hold
        // an unencoded space that Keycloak stored and sent as it was.
        int start = url.indexOf('?');
        if (start < 0) {
            return Optional.empty();
        }
        int fragment = url.indexOf('#', start);
        String query =
                url.substring(start + 1, fragment < 0 ? url.length() : fragment).trim();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (name.equals(key) && equals >= 0) {
                String value = decode(pair.substring(equals + 1));
                return value.isBlank() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
