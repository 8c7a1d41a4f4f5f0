package io.github.kclogingov.broker.migration;

import io.github.kclogingov.protocol.LoginGovEnvironment;
import java.util.List;
import java.util.Optional;

/**
 * Which Login.gov a stock provider points at: its issuer and authorization URL must both be on one
 * of Login.gov's two hosts. Any other server is Login.gov only when the administrator names its
 * issuer in the request ({@code customIssuer}), exactly as the stock provider stores it: the same
 * explicit choice as the provider's {@code custom} environment, which is how a test points at the
 * simulator. Nothing is ever guessed from a host name.
 *
 * @param environment sandbox, production or custom
 * @param issuer the issuer the provider will use (the custom issuer URL for custom)
 */
record LoginGovServer(LoginGovEnvironment environment, String issuer) {

    static final String ISSUER = "issuer";
    static final String AUTHORIZATION_URL = "authorizationUrl";

    /**
     * @param refusals receives why the provider is not Login.gov, when it is not
     */
    static Optional<LoginGovServer> of(
            String issuer, String authorizationUrl, Optional<String> customIssuer, List<String> refusals) {
        if (blank(issuer) && blank(authorizationUrl)) {
            refusals.add(
                    "The provider has neither an issuer nor an authorization URL, so it does not point at Login.gov.");
            return Optional.empty();
        }
        if (customIssuer.isPresent()) {
            return custom(issuer, authorizationUrl, customIssuer.get().trim(), refusals);
        }
        Optional<LoginGovEnvironment> byIssuer = LoginGovEnvironment.ofUrl(issuer);
        Optional<LoginGovEnvironment> byAuthorization = LoginGovEnvironment.ofUrl(authorizationUrl);
        Optional<LoginGovEnvironment> found = blank(issuer) ? byAuthorization : byIssuer;
        if (found.isEmpty() || (!blank(authorizationUrl) && !found.equals(byAuthorization))) {
            refusals.add("The provider does not point at Login.gov: its issuer (" + shown(issuer)
                    + ") and authorization URL (" + shown(authorizationUrl) + ") must both be on "
                    + "idp.int.identitysandbox.gov (sandbox) or secure.login.gov (production). For a "
                    + "Login.gov-compatible test server, name its issuer with customIssuer.");
            return Optional.empty();
        }
        return Optional.of(new LoginGovServer(found.get(), found.get().issuer().orElseThrow()));
    }

    private static Optional<LoginGovServer> custom(
            String issuer, String authorizationUrl, String customIssuer, List<String> refusals) {
        if (LoginGovEnvironment.ofUrl(customIssuer).isPresent()) {
            refusals.add("customIssuer " + customIssuer + " is Login.gov's own host: leave customIssuer out for "
                    + "Login.gov's sandbox and production.");
            return Optional.empty();
        }
        if (blank(issuer) || !withoutSlash(issuer).equals(withoutSlash(customIssuer))) {
            refusals.add("The provider's issuer (" + shown(issuer) + ") is not the customIssuer named in the request ("
                    + customIssuer + ").");
            return Optional.empty();
        }
        if (blank(authorizationUrl) || !authorizationUrl.trim().startsWith(withoutSlash(customIssuer) + "/")) {
            refusals.add("The provider's authorization URL (" + shown(authorizationUrl)
                    + ") is not on the customIssuer named in the request (" + customIssuer + ").");
            return Optional.empty();
        }
        return Optional.of(new LoginGovServer(LoginGovEnvironment.CUSTOM, issuer.trim()));
    }

    /** Whether another provider's issuer is this same server (trailing slash aside). */
    boolean sameIssuer(String other) {
        return !blank(other) && withoutSlash(other).equals(withoutSlash(issuer));
    }

    private static String withoutSlash(String url) {
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String shown(String value) {
        return blank(value) ? "none" : value.trim();
    }
}
