package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.Registration;
import java.util.List;

/** The service providers and client keys the tests register; keys are generated once per JVM. */
final class TestClients {
    static final String CONFIDENTIAL = "urn:gov:gsa:openidconnect.profiles:sp:sso:test:confidential";
    static final String PUBLIC = "urn:gov:gsa:openidconnect.profiles:sp:sso:test:public";
    static final String AUTH_ONLY = "urn:gov:gsa:openidconnect.profiles:sp:sso:test:auth-only";
    static final String IALMAX = "urn:gov:gsa:openidconnect.profiles:sp:sso:test:ialmax";
    static final String EXPLICIT_LOGOUT = "urn:gov:gsa:openidconnect.profiles:sp:sso:test:explicit-logout";
    /** On Login.gov's re-authentication allow list: may send prompt=login and receives auth_time. */
    static final String REAUTHENTICATION = "urn:gov:gsa:openidconnect.profiles:sp:sso:test:reauthentication";

    static final String REDIRECT = "http://localhost:8080/realms/demo/broker/logingov/endpoint";
    static final String LOGOUT_RETURN = "http://localhost:8080/realms/demo/broker/logingov/endpoint/logout_response";

    // Generated in parallel: each RSA key takes up to a second on a small machine.
    private static final List<SelfSignedKey> KEYS =
            ParallelKeys.generate("CN=test-key-a", "CN=test-key-b", "CN=not-registered");
    static final SelfSignedKey KEY_A = KEYS.get(0);
    static final SelfSignedKey KEY_B = KEYS.get(1);
    static final SelfSignedKey UNREGISTERED = KEYS.get(2);

    private TestClients() {}

    static List<ServiceProvider> all() {
        List<String> redirects = List.of(REDIRECT, LOGOUT_RETURN);
        return List.of(
                ServiceProvider.privateKeyJwt(
                        CONFIDENTIAL,
                        redirects,
                        List.of(KEY_A.certificatePem(), KEY_B.certificatePem()),
                        Registration.VERIFIED),
                ServiceProvider.pkce(PUBLIC, redirects, Registration.VERIFIED),
                ServiceProvider.privateKeyJwt(
                        AUTH_ONLY, redirects, List.of(KEY_A.certificatePem()), Registration.AUTH_ONLY),
                ServiceProvider.privateKeyJwt(IALMAX, redirects, List.of(KEY_A.certificatePem()), Registration.VERIFIED)
                        .withIalmaxAllowed(true),
                ServiceProvider.pkce(EXPLICIT_LOGOUT, List.of(REDIRECT), Registration.AUTH_ONLY)
                        .withPostLogoutRedirectUris(List.of(LOGOUT_RETURN)),
                ServiceProvider.privateKeyJwt(
                                REAUTHENTICATION, redirects, List.of(KEY_A.certificatePem()), Registration.VERIFIED)
                        .withReauthenticationAllowed(true));
    }
}
