package io.github.kclogingov.protocol;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Login.gov's endpoint URLs, all derived from the issuer. The issuer always ends with a slash:
 * production compares it, with the slash, in discovery and in the {@code iss} of every token.
 */
public record LoginGovEndpoints(
        String issuer,
        String discovery,
        String authorization,
        String token,
        String userinfo,
        String jwks,
        String logout) {

    public static final String DISCOVERY_PATH = ".well-known/openid-configuration";
    public static final String AUTHORIZATION_PATH = "openid_connect/authorize";
    public static final String TOKEN_PATH = "api/openid_connect/token";
    public static final String USERINFO_PATH = "api/openid_connect/userinfo";
    public static final String JWKS_PATH = "api/openid_connect/certs";
    public static final String LOGOUT_PATH = "openid_connect/logout";

    /**
     * Derives every endpoint from an issuer URL such as {@code https://secure.login.gov/} or
     * {@code http://localhost:8081/}. A missing trailing slash is added.
     *
     * @throws IllegalArgumentException when the URL is blank, not absolute http(s), or carries a query
     */
    public static LoginGovEndpoints forIssuer(String issuerUrl) {
        String issuer = normalizeIssuer(issuerUrl);
        return new LoginGovEndpoints(
                issuer,
                issuer + DISCOVERY_PATH,
                issuer + AUTHORIZATION_PATH,
                issuer + TOKEN_PATH,
                issuer + USERINFO_PATH,
                issuer + JWKS_PATH,
                issuer + LOGOUT_PATH);
    }

    static String normalizeIssuer(String issuerUrl) {
        if (issuerUrl == null || issuerUrl.isBlank()) {
            throw new IllegalArgumentException("The Login.gov base URL is required for a custom environment.");
        }
        String trimmed = issuerUrl.trim();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The Login.gov base URL is not a valid URL: " + trimmed);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException(
                    "The Login.gov base URL must start with https:// (or http:// for a local simulator): " + trimmed);
        }
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "The Login.gov base URL must be a plain URL with a host and no query: " + trimmed);
        }
        return trimmed.endsWith("/") ? trimmed : trimmed + "/";
    }
}
