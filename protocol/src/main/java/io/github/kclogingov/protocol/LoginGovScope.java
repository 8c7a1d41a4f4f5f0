package io.github.kclogingov.protocol;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The scopes Login.gov knows, the userinfo claims each releases, and whether a claim needs a
 * verified (IAL2) request and a verified person. Login.gov silently drops unknown scopes, and
 * verified-only scopes in an auth-only request.
 */
public enum LoginGovScope {
    OPENID("openid", false),
    EMAIL("email", false, LoginGovClaims.EMAIL, LoginGovClaims.EMAIL_VERIFIED),
    ALL_EMAILS("all_emails", false, LoginGovClaims.ALL_EMAILS),
    LOCALE("locale", false, LoginGovClaims.LOCALE),
    PROFILE(
            "profile",
            true,
            LoginGovClaims.GIVEN_NAME,
            LoginGovClaims.FAMILY_NAME,
            LoginGovClaims.BIRTHDATE,
            LoginGovClaims.VERIFIED_AT),
    PROFILE_NAME("profile:name", true, LoginGovClaims.GIVEN_NAME, LoginGovClaims.FAMILY_NAME),
    PROFILE_BIRTHDATE("profile:birthdate", true, LoginGovClaims.BIRTHDATE),
    /** Not verified-only: an auth-only service provider gets it, always null. */
    PROFILE_VERIFIED_AT("profile:verified_at", false, LoginGovClaims.VERIFIED_AT),
    ADDRESS("address", true, LoginGovClaims.ADDRESS),
    PHONE("phone", true, LoginGovClaims.PHONE, LoginGovClaims.PHONE_VERIFIED),
    SOCIAL_SECURITY_NUMBER("social_security_number", true, LoginGovClaims.SOCIAL_SECURITY_NUMBER),
    X509("x509", false, LoginGovClaims.X509_SUBJECT, LoginGovClaims.X509_ISSUER, LoginGovClaims.X509_PRESENTED),
    X509_SUBJECT("x509:subject", false, LoginGovClaims.X509_SUBJECT),
    X509_ISSUER("x509:issuer", false, LoginGovClaims.X509_ISSUER),
    X509_PRESENTED("x509:presented", false, LoginGovClaims.X509_PRESENTED);

    private final String value;
    private final boolean requiresVerifiedIdentity;
    private final List<String> claims;

    LoginGovScope(String value, boolean requiresVerifiedIdentity, String... claims) {
        this.value = value;
        this.requiresVerifiedIdentity = requiresVerifiedIdentity;
        this.claims = List.of(claims);
    }

    public String value() {
        return value;
    }

    /**
     * True for the scopes whose claims need a verified request. The {@code profile} scope is here
     * for its name and birth date; its {@code verified_at} claim is released to everyone.
     */
    public boolean requiresVerifiedIdentity() {
        return requiresVerifiedIdentity;
    }

    public List<String> claims() {
        return claims;
    }

    /** Whether this scope releases {@code claim} at a request for {@code level}. */
    public boolean releases(String claim, IdentityAssurance level) {
        if (!claims.contains(claim)) {
            return false;
        }
        boolean verifiedOnlyClaim = requiresVerifiedIdentity && !LoginGovClaims.VERIFIED_AT.equals(claim);
        return !verifiedOnlyClaim || level.releasesVerifiedAttributes();
    }

    public static Optional<LoginGovScope> fromValue(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }

    /**
     * The scope parameter to send at {@code level}: the configured scopes, minus the verified-only
     * ones when the level is not verified (Login.gov would drop them silently). {@code profile}
     * becomes {@code profile:verified_at} there, its one claim released at every level.
     */
    public static String requestedAt(String configuredScopes, IdentityAssurance level) {
        Set<String> sent = new LinkedHashSet<>();
        for (String value : configuredScopes == null
                ? new String[0]
                : configuredScopes.trim().split("\\s+")) {
            if (value.isEmpty()) {
                continue;
            }
            Optional<LoginGovScope> scope = fromValue(value);
            if (scope.isEmpty() || !scope.get().requiresVerifiedIdentity() || level.releasesVerifiedAttributes()) {
                sent.add(value);
            } else if (scope.get() == PROFILE) {
                sent.add(PROFILE_VERIFIED_AT.value);
            }
        }
        return String.join(" ", sent);
    }

    /** Parses a space-separated scope string, keeping the known scopes in order. */
    public static Set<LoginGovScope> parse(String scopes) {
        Set<LoginGovScope> known = new LinkedHashSet<>();
        if (scopes != null && !scopes.isBlank()) {
            for (String value : scopes.trim().split("\\s+")) {
                fromValue(value).ifPresent(known::add);
            }
        }
        return known;
    }
}
