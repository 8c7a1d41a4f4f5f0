package io.github.kclogingov.it.support;

import java.util.Map;

/**
 * The Login.gov acr values the assurance tests use, and the provider settings those tests start
 * from. The values are literals because annotations need constants;
 * {@code RequestedLevelTest.the_literals_of_this_test_match_the_domain_package} checks them
 * against the domain package.
 */
public final class Levels {

    public static final String AUTH_ONLY = "urn:acr.login.gov:auth-only";
    public static final String VERIFIED = "urn:acr.login.gov:verified";
    public static final String FACIAL_MATCH = "urn:acr.login.gov:verified-facial-match-required";
    public static final String DEFAULT_AAL = "urn:gov:gsa:ac:classes:sp:PasswordProtectedTransport:duo";
    public static final String AAL2 = "http://idmanagement.gov/ns/assurance/aal/2";
    public static final String PHISHING_RESISTANT =
            "http://idmanagement.gov/ns/assurance/aal/2?phishing_resistant=true";
    public static final String PIV_CAC = "http://idmanagement.gov/ns/assurance/aal/2?hspd12=true";

    private Levels() {}

    /**
     * Puts the provider back to asking for auth-only, no AAL, no level names of its own and the
     * email only (tests change them), and lets the realm ask for IALMAX: Login.gov allows that to
     * allow-listed agencies only, and this one is.
     */
    public static void reset(BrokerRealm realm) {
        realm.allowIalmax();
        realm.updateIdentityProvider(Map.of(
                "logingovIal", AUTH_ONLY,
                "logingovAal", "",
                "logingovAcrNames", "",
                "logingovAttributes", "email"));
    }
}
