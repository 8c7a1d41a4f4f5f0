package io.github.kclogingov.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that walks redirects one at a time, the way a browser without
 * JavaScript would, so that a test can look at every hop between the application, Keycloak and
 * the simulator.
 */
public final class HttpBrowser {

    private static final int MAX_HOPS = 20;

    private final java.util.function.UnaryOperator<URI> addressOf;

    public HttpBrowser() {
        this(uri -> uri);
    }

    /**
     * @param addressOf maps a URL to the address this JVM reaches it at, for servers that a
     *     container knows under another host name
     */
    public HttpBrowser(java.util.function.UnaryOperator<URI> addressOf) {
        this.addressOf = addressOf;
    }

    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new LenientCookieHandler())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** One response. {@code location} is the resolved Location header of a redirect, else null. */
    public record Page(URI uri, int status, String body, URI location) {
        public boolean isRedirect() {
            return location != null;
        }

        public Map<String, String> locationQuery() {
            return query(location);
        }

        /** The href of the element with this id, HTML entities decoded. */
        public String hrefOf(String id) {
            Matcher m = Pattern.compile("<a[^>]*id=\"" + Pattern.quote(id)
                            + "\"[^>]*href=\"([^\"]+)\"|<a[^>]*href=\"([^\"]+)\"[^>]*id=\"" + Pattern.quote(id) + "\"")
                    .matcher(body);
            if (!m.find()) {
                throw new AssertionError("No link with id " + id + " on " + uri + ":\n" + body);
            }
            return uri.resolve(unescape(m.group(1) != null ? m.group(1) : m.group(2)))
                    .toString();
        }

        /** The action of the page's first form, HTML entities decoded and resolved against the page. */
        public String formAction() {
            Matcher m = Pattern.compile("<form[^>]*action=\"([^\"]+)\"").matcher(body);
            if (!m.find()) {
                throw new AssertionError("No form on " + uri + ":\n" + body);
            }
            return uri.resolve(unescape(m.group(1))).toString();
        }

        public boolean contains(String text) {
            return body.contains(text);
        }
    }

    public Page get(String url) {
        return send(HttpRequest.newBuilder(addressOf.apply(URI.create(url))).GET());
    }

    public Page post(String url, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))));
    }

    /** Follows redirects from {@code page} until one points where {@code stop} says, or a page is not a redirect. */
    public Page followUntil(Page page, Predicate<URI> stop) {
        Page current = page;
        for (int hop = 0; hop < MAX_HOPS && current.isRedirect() && !stop.test(current.location()); hop++) {
            current = get(current.location().toString());
        }
        return current;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.header("Accept-Language", "en")
                    .timeout(Duration.ofSeconds(30))
                    .build();
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            URI location = response.headers()
                    .firstValue("Location")
                    .map(built.uri()::resolve)
                    .orElse(null);
            boolean redirect = response.statusCode() / 100 == 3 && location != null;
            return new Page(built.uri(), response.statusCode(), response.body(), redirect ? location : null);
        } catch (IOException e) {
            throw new IllegalStateException("HTTP request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        if (uri == null || uri.getRawQuery() == null) {
            return values;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            values.putIfAbsent(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String unescape(String html) {
        return html.replace("&amp;", "&")
                .replace("&#61;", "=")
                .replace("&quot;", "\"")
                .replace("&#x3D;", "=");
    }
}
