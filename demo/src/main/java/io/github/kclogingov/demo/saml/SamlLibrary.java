package io.github.kclogingov.demo.saml;

import org.keycloak.common.crypto.CryptoIntegration;

/** Keycloak's SAML library signs and verifies through {@link CryptoIntegration}, which needs initialising once. */
final class SamlLibrary {
    private SamlLibrary() {}

    static synchronized void init() {
        CryptoIntegration.init(SamlLibrary.class.getClassLoader());
    }
}
