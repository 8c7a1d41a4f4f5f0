package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.IdentityAssurance;
import io.github.kclogingov.protocol.LoginGovClaims;
import io.github.kclogingov.protocol.LoginGovScope;
import io.github.kclogingov.protocol.Registration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The userinfo claims a grant releases, also copied into the id_token. */
final class ReleasedClaims {

    /** The claims identity-idp reads from the person's session ({@code OpenidConnectUserInfoPresenter}). */
    static final List<String> SESSION_HELD = List.of(
            LoginGovClaims.GIVEN_NAME,
            LoginGovClaims.FAMILY_NAME,
            LoginGovClaims.BIRTHDATE,
            LoginGovClaims.SOCIAL_SECURITY_NUMBER,
            LoginGovClaims.ADDRESS,
            LoginGovClaims.PHONE,
            LoginGovClaims.PHONE_VERIFIED,
            LoginGovClaims.X509_SUBJECT,
            LoginGovClaims.X509_ISSUER,
            LoginGovClaims.LOCALE);

    private ReleasedClaims() {}

    /**
     * {@code sub}, {@code iss}, {@code ial}, {@code aal} always (unless a fault left one out of the
     * assurance), {@code auth_time} when released, then what the granted scopes release.
     */
    static Map<String, Object> userinfo(Grant grant, AssertedAssurance assurance, String issuer, boolean sessionAlive) {
        Map<String, Object> claims = assurance(grant, assurance, issuer);
        claims.putAll(sessionAlive ? scoped(grant) : afterSessionEnd(scoped(grant)));
        return claims;
    }

    /** {@code sub}, {@code iss} and the assurance claims, without any scoped claim. */
    static Map<String, Object> assurance(Grant grant, AssertedAssurance assurance, String issuer) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(LoginGovClaims.SUB, grant.subject());
        claims.put(LoginGovClaims.ISS, issuer);
        if (assurance.acr() != null) {
            claims.put(LoginGovClaims.IAL, assurance.acr());
        }
        if (assurance.aal() != null) {
            claims.put(LoginGovClaims.AAL, assurance.aal());
        }
        if (assurance.authTime() != null) {
            claims.put(LoginGovClaims.AUTH_TIME, assurance.authTime());
        }
        return claims;
    }

    /**
     * The released claims as identity-idp answers them once the person's Login.gov session has
     * ended: what it reads from the session (the decrypted verified attributes, the PIV/CAC
     * certificate's details, the locale) comes back null ({@code x509_presented} false), each claim
     * still present; what it reads from the account ({@code email}, {@code all_emails},
     * {@code verified_at}) is unchanged.
     */
    static Map<String, Object> afterSessionEnd(Map<String, Object> released) {
        Map<String, Object> claims = new LinkedHashMap<>(released);
        for (String claim : SESSION_HELD) {
            if (claims.containsKey(claim)) {
                claims.put(claim, null);
            }
        }
        if (claims.containsKey(LoginGovClaims.X509_PRESENTED)) {
            claims.put(LoginGovClaims.X509_PRESENTED, Boolean.FALSE);
        }
        return claims;
    }

    /**
     * A claim is released when a granted scope releases it at the requested level; a verified-only
     * claim (one not released at auth-only) also needs a proofed persona, which only matters for IALMAX.
     */
    static Map<String, Object> scoped(Grant grant) {
        IdentityAssurance level = grant.request().acrValues().ial();
        Map<String, Object> claims = new LinkedHashMap<>();
        for (LoginGovScope scope : grant.request().scopes()) {
            for (String claim : scope.claims()) {
                boolean verifiedOnly = !scope.releases(claim, IdentityAssurance.AUTH_ONLY);
                if (scope.releases(claim, level)
                        && (!verifiedOnly || grant.persona().isProofed())) {
                    claims.put(claim, value(claim, grant));
                }
            }
        }
        return claims;
    }

    private static Object value(String claim, Grant grant) {
        Persona persona = grant.persona();
        return switch (claim) {
            case LoginGovClaims.EMAIL -> persona.email();
            case LoginGovClaims.EMAIL_VERIFIED -> true;
            case LoginGovClaims.ALL_EMAILS -> persona.allEmails();
            case LoginGovClaims.LOCALE -> persona.locale();
            case LoginGovClaims.GIVEN_NAME -> persona.givenName();
            case LoginGovClaims.FAMILY_NAME -> persona.familyName();
            case LoginGovClaims.BIRTHDATE ->
                persona.birthdate() == null ? null : persona.birthdate().toString();
            case LoginGovClaims.ADDRESS ->
                persona.address() == null ? null : persona.address().toClaim();
            case LoginGovClaims.PHONE -> persona.phone();
            case LoginGovClaims.PHONE_VERIFIED -> persona.phone() == null ? null : Boolean.TRUE;
            case LoginGovClaims.SOCIAL_SECURITY_NUMBER -> persona.socialSecurityNumber();
            case LoginGovClaims.VERIFIED_AT -> verifiedAt(grant);
            case LoginGovClaims.X509_SUBJECT -> persona.x509Subject();
            case LoginGovClaims.X509_ISSUER -> persona.x509Issuer();
            case LoginGovClaims.X509_PRESENTED -> persona.x509Presented();
            default -> null;
        };
    }

    /** Always null for a service provider registered for authentication only, as in production. */
    private static Long verifiedAt(Grant grant) {
        Persona persona = grant.persona();
        if (grant.client().registration() != Registration.VERIFIED
                || !persona.isProofed()
                || persona.verifiedAt() == null) {
            return null;
        }
        return persona.verifiedAt().getEpochSecond();
    }
}
