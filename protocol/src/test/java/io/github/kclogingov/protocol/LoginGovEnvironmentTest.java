package io.github.kclogingov.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoginGovEnvironmentTest {

    @Test
    void an_issuer_or_an_endpoint_on_login_govs_hosts_names_its_environment() {
        assertEquals(
                Optional.of(LoginGovEnvironment.SANDBOX),
                LoginGovEnvironment.ofUrl("https://idp.int.identitysandbox.gov/"));
        assertEquals(
                Optional.of(LoginGovEnvironment.SANDBOX),
                LoginGovEnvironment.ofUrl("https://idp.int.identitysandbox.gov/openid_connect/authorize?acr_values=x"));
        assertEquals(
                Optional.of(LoginGovEnvironment.PRODUCTION), LoginGovEnvironment.ofUrl("https://SECURE.login.gov"));
    }

    @Test
    void any_other_server_is_not_login_gov() {
        assertEquals(Optional.empty(), LoginGovEnvironment.ofUrl("http://secure.login.gov/"));
        assertEquals(Optional.empty(), LoginGovEnvironment.ofUrl("https://secure.login.gov:8443/"));
        assertEquals(Optional.empty(), LoginGovEnvironment.ofUrl("https://secure.login.gov.example.org/"));
        assertEquals(Optional.empty(), LoginGovEnvironment.ofUrl("https://user@secure.login.gov/"));
        assertEquals(Optional.empty(), LoginGovEnvironment.ofUrl("http://localhost:8081/"));
        assertEquals(Optional.empty(), LoginGovEnvironment.ofUrl("not a url"));
        assertEquals(Optional.empty(), LoginGovEnvironment.ofUrl(null));
    }

    @Test
    void each_scope_names_the_attributes_it_releases() {
        assertEquals(
                Set.of(LoginGovAttribute.NAME, LoginGovAttribute.BIRTHDATE, LoginGovAttribute.VERIFIED_AT),
                LoginGovAttribute.ofScope("profile"));
        assertEquals(Set.of(LoginGovAttribute.NAME), LoginGovAttribute.ofScope("profile:name"));
        assertEquals(Set.of(LoginGovAttribute.ADDRESS), LoginGovAttribute.ofScope("address"));
        assertEquals(3, LoginGovAttribute.ofScope("x509").size());
        assertEquals(Set.of(), LoginGovAttribute.ofScope("openid"));
        assertEquals(Set.of(), LoginGovAttribute.ofScope("offline_access"));
    }
}
