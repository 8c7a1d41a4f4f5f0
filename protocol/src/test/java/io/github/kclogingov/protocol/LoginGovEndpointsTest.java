package io.github.kclogingov.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LoginGovEndpointsTest {

    @Test
    void production_endpoints_follow_login_gov_paths() {
        LoginGovEndpoints endpoints = LoginGovEnvironment.PRODUCTION.endpoints(null);
        assertEquals("https://secure.login.gov/", endpoints.issuer());
        assertEquals("https://secure.login.gov/openid_connect/authorize", endpoints.authorization());
        assertEquals("https://secure.login.gov/api/openid_connect/token", endpoints.token());
        assertEquals("https://secure.login.gov/api/openid_connect/userinfo", endpoints.userinfo());
        assertEquals("https://secure.login.gov/api/openid_connect/certs", endpoints.jwks());
        assertEquals("https://secure.login.gov/openid_connect/logout", endpoints.logout());
        assertEquals("https://secure.login.gov/.well-known/openid-configuration", endpoints.discovery());
    }

    @Test
    void sandbox_ignores_a_custom_url() {
        assertEquals(
                "https://idp.int.identitysandbox.gov/",
                LoginGovEnvironment.SANDBOX.endpoints("http://evil.example/").issuer());
    }

    @Test
    void a_custom_issuer_gets_its_trailing_slash() {
        assertEquals(
                "http://localhost:8081/",
                LoginGovEnvironment.CUSTOM.endpoints(" http://localhost:8081 ").issuer());
    }

    @Test
    void a_custom_environment_needs_a_plain_http_url() {
        assertThrows(IllegalArgumentException.class, () -> LoginGovEnvironment.CUSTOM.endpoints(null));
        assertThrows(IllegalArgumentException.class, () -> LoginGovEnvironment.CUSTOM.endpoints("ftp://host/"));
        assertThrows(IllegalArgumentException.class, () -> LoginGovEnvironment.CUSTOM.endpoints("https://host/?a=b"));
        assertThrows(IllegalArgumentException.class, () -> LoginGovEnvironment.CUSTOM.endpoints("not a url"));
    }

    @Test
    void environments_are_read_from_their_config_values() {
        assertEquals(
                LoginGovEnvironment.PRODUCTION,
                LoginGovEnvironment.fromConfigValue("Production").orElseThrow());
        assertEquals(true, LoginGovEnvironment.fromConfigValue("staging").isEmpty());
    }

    @Test
    void only_login_gov_locales_are_forwarded() {
        assertEquals("es", LoginGovProtocol.loginGovLocale("es-MX"));
        assertEquals("zh", LoginGovProtocol.loginGovLocale("zh-CN"));
        assertNull(LoginGovProtocol.loginGovLocale("de"));
        assertNull(LoginGovProtocol.loginGovLocale(null));
    }
}
