package io.github.kclogingov.benchmark.signins;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One complete brokered sign-in as a browser without a page renderer makes it: the application's
 * authorization request to Keycloak with {@code kc_idp_hint}, every redirect followed by hand
 * (Keycloak, the simulator's automatic sign-in, the broker endpoint, the first-broker-login flow that
 * creates the new user), then the application's code exchange at Keycloak's token endpoint. One
 * {@link HttpClient} (its connections pooled) serves every sign-in; cookies are kept per sign-in,
 * by hand, so that sign-ins never share a session.
 */
final class SignInClient {
    static final String REDIRECT_URI = "http://localhost:8082/benchmark/callback";
    private static final int MAX_HOPS = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern TITLE = Pattern.compile("<title>([^<]{0,120})</title>");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&#]+)");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final SecureRandom random = new SecureRandom();
    private final String realmUrl;

    SignInClient(String keycloakUrl, String realm) {
        this.realmUrl = keycloakUrl + "/realms/" + realm;
    }

    /** Signs a new person in through the provider; throws with what went wrong. */
    void signIn(Provider provider) throws IOException, InterruptedException {
        Map<String, Map<String, String>> cookies = new HashMap<>();
        String verifier = randomText(48);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", BenchRealm.CLIENT_ID);
        parameters.put("redirect_uri", REDIRECT_URI);
        parameters.put("response_type", "code");
        parameters.put("scope", "openid");
        parameters.put("state", randomText(24));
        parameters.put("nonce", randomText(24));
        parameters.put("code_challenge", challenge(verifier));
        parameters.put("code_challenge_method", "S256");
        parameters.put("kc_idp_hint", provider.alias);
        URI next = URI.create(realmUrl + "/protocol/openid-connect/auth?" + form(parameters));
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(next).GET(), next, cookies);
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() / 100 != 3 || location == null) {
                throw new IOException(provider.label() + ": " + next.getPath() + " answered " + response.statusCode()
                        + " " + title(response.body()));
            }
            URI target = next.resolve(location);
            if (target.toString().startsWith(REDIRECT_URI)) {
                exchange(code(target), verifier, cookies);
                return;
            }
            next = target;
        }
        throw new IOException(provider.label() + ": more than " + MAX_HOPS + " redirects");
    }

    private void exchange(String code, String verifier, Map<String, Map<String, String>> cookies)
            throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "authorization_code");
        fields.put("code", code);
        fields.put("redirect_uri", REDIRECT_URI);
        fields.put("client_id", BenchRealm.CLIENT_ID);
        fields.put("code_verifier", verifier);
        URI token = URI.create(realmUrl + "/protocol/openid-connect/token");
        HttpResponse<String> response = send(
                HttpRequest.newBuilder(token)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(fields))),
                token,
                cookies);
        if (response.statusCode() != 200 || !response.body().contains("\"access_token\"")) {
            throw new IOException("token endpoint answered " + response.statusCode());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, URI uri, Map<String, Map<String, String>> cookies)
            throws IOException, InterruptedException {
        String origin = uri.getHost() + ":" + uri.getPort();
        Map<String, String> jar = cookies.computeIfAbsent(origin, ignored -> new LinkedHashMap<>());
        if (!jar.isEmpty()) {
            request.header(
                    "Cookie",
                    jar.entrySet().stream()
                            .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                            .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response =
                http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("Set-Cookie")) {
            for (HttpCookie cookie : HttpCookie.parse(header)) {
                if (cookie.hasExpired()) {
                    jar.remove(cookie.getName());
                } else {
                    jar.put(cookie.getName(), cookie.getValue());
                }
            }
        }
        return response;
    }

    private static String code(URI redirect) throws IOException {
        Matcher matcher = CODE.matcher(redirect.getRawQuery() == null ? "" : "?" + redirect.getRawQuery());
        if (!matcher.find()) {
            throw new IOException("Keycloak sent the application back without a code: "
                    + (redirect.getRawQuery() == null
                            ? ""
                            : redirect.getRawQuery().replaceAll("code=[^&]*", "")));
        }
        return java.net.URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
    }

    private static String title(String body) {
        Matcher matcher = TITLE.matcher(body == null ? "" : body);
        return matcher.find() ? "(page: " + matcher.group(1).trim() + ")" : "";
    }

    private String randomText(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
