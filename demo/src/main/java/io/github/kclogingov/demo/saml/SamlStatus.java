package io.github.kclogingov.demo.saml;

/**
 * A signed response from Keycloak that is not a sign-in: its status codes and message, and the
 * level the request it answers had asked for.
 *
 * @param code the top-level status code, e.g. {@code urn:oasis:names:tc:SAML:2.0:status:Responder}
 * @param subCode the second-level code, e.g. {@code ...:status:NoAuthnContext}, or null
 * @param message the StatusMessage, or null
 * @param requested the level the request asked for, or null for none
 */
public record SamlStatus(String code, String subCode, String message, SamlLevel requested) {
    public static final String NO_AUTHN_CONTEXT = "urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext";
    public static final String AUTHN_FAILED = "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed";
    /** Keycloak's answer when the person cancelled (at Login.gov too, during a step-up). */
    public static final String REQUEST_DENIED = "urn:oasis:names:tc:SAML:2.0:status:RequestDenied";

    public boolean noAuthnContext() {
        return NO_AUTHN_CONTEXT.equals(subCode);
    }
}
