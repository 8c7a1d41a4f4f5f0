package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.IdentityAssurance;
import io.github.kclogingov.protocol.LoginGovClaims;
import io.github.kclogingov.protocol.LoginGovScope;
import io.github.kclogingov.protocol.Registration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The userinfo claims a grant releases, also copied into the id_token. */
final class ReleasedClaims {

    private ReleasedClaims() {}

    /**
     * {@code sub}, {@code iss}, {@code ial}, {@code aal} always (unless a fault left one out of the
     * assurance), {@code auth_time} when released, then what the granted scopes release.
     */
    static Map<String, Object> userinfo(Grant grant, AssertedAssurance assurance, String issuer) {
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
        claims.putAll(scoped(grant));
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
