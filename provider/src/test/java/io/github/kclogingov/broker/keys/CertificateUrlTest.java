package io.github.kclogingov.broker.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CertificateUrlTest {

    @Test
    void the_url_sits_under_the_realm_and_the_alias() {
        assertEquals(
                "https://sso.agency.gov/realms/demo/logingov/logingov/client-assertion-certificate.pem",
                CertificateUrl.resolve(URI.create("https://sso.agency.gov/"), "demo", "logingov"));
    }

    @Test
    void keycloak_under_a_context_path_keeps_it() {
        assertEquals(
                "https://agency.gov/auth/realms/demo/logingov/sandbox/client-assertion-certificate.pem",
                CertificateUrl.resolve(URI.create("https://agency.gov/auth/"), "demo", "sandbox"));
    }

    @Test
    void realm_and_alias_are_encoded_as_path_segments() {
        assertEquals(
                "realms/my%20realm/logingov/a%2Fb/client-assertion-certificate.pem",
                CertificateUrl.path("my realm", "a/b"));
    }
}
