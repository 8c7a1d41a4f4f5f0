package io.github.kclogingov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.protocol.Registration;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/** What an admin sees when creating and saving a Login.gov identity provider through the admin REST API. */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class AdminConfigurationTest extends BrokerIntegrationTest {

    @BeforeEach
    void realm() {
        realm = realmOfThisClass("adminconfig", Registration.VERIFIED);
    }

    @Test
    void the_provider_type_is_offered_as_login_gov() {
        var types = admin.serverInfo().getInfo().getIdentityProviders();
        assertTrue(
                types.stream().anyMatch(t -> "login.gov".equals(t.get("id")) && "Login.gov".equals(t.get("name"))),
                () -> "identity provider types: " + types);
    }

    @Test
    void a_new_provider_gets_login_gov_defaults_and_derived_endpoints() {
        try (Response response =
                realm.resource().identityProviders().create(BrokerRealm.newIdentityProvider("sandbox", Map.of()))) {
            assertEquals(201, response.getStatus());
        }
        Map<String, String> saved = realm.resource()
                .identityProviders()
                .get("sandbox")
                .toRepresentation()
                .getConfig();
        assertEquals("sandbox", saved.get("logingovEnvironment"));
        assertEquals("https://idp.int.identitysandbox.gov/", saved.get("issuer"));
        assertEquals("https://idp.int.identitysandbox.gov/api/openid_connect/token", saved.get("tokenUrl"));
        assertEquals("https://idp.int.identitysandbox.gov/api/openid_connect/certs", saved.get("jwksUrl"));
        assertEquals("urn:acr.login.gov:auth-only", saved.get("logingovIal"));
        assertEquals("email", saved.get("logingovAttributes"));
        assertEquals("openid email", saved.get("defaultScope"));
        assertEquals("true", saved.get("validateSignature"));
        assertEquals("false", saved.get("sendIdTokenOnLogout"));
        assertEquals("true", saved.get("sendClientIdOnLogout"));
        assertEquals("S256", saved.get("pkceMethod"));
        assertEquals("private_key_jwt", saved.get("clientAuthMethod"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no client id | clientId= | The client ID is required",
                "unknown environment | logingovEnvironment=staging | Unknown Login.gov environment",
                "custom environment without URL | logingovEnvironment=custom | base URL is required",
                "unknown IAL | logingovIal=urn:acr.login.gov:gold | does not know the acr value(s) urn:acr.login.gov:gold",
                "two IAL values | logingovIal=urn:acr.login.gov:auth-only urn:acr.login.gov:verified | Send exactly one IAL value",
                "IAL given as AAL | logingovAal=urn:acr.login.gov:verified | Two IAL values",
                "AAL without IAL | logingovIal=<blank>;logingovAal=http://idmanagement.gov/ns/assurance/aal/2 | needs a service level (IAL) beside it",
                "AAL given as IAL | logingovIal=http://idmanagement.gov/ns/assurance/aal/2 | needs an IAL (service level) value beside it",
                "unknown AAL | logingovAal=http://idmanagement.gov/ns/assurance/aal/1 | does not know the authentication level (AAL)",
                "verified level on auth-only registration | logingovIal=urn:acr.login.gov:verified | registered as authentication only",
                "facial match on auth-only registration | logingovIal=urn:acr.login.gov:verified-facial-match-required | registered as authentication only",
                "IALMAX on auth-only registration | logingovIal=http://idmanagement.gov/ns/assurance/ial/0 | registered as authentication only",
                "verified level name on auth-only registration | logingovAcrNames={\"gold\": \"urn:acr.login.gov:verified\"} | Level name 'gold'",
                "level names not JSON | logingovAcrNames=gold=verified | JSON object",
                "level name with an unknown value | logingovAcrNames={\"gold\": \"urn:acr.login.gov:platinum\"} | Level 'gold'",
                "unknown registration | logingovRegistration=ial2 | Login.gov registration must be auth-only or verified",
                "unknown client assertion key | logingovSigningKeyId=no-such-kid | Client assertion key ID: this realm has no key with kid 'no-such-kid'",
                "verified attribute at auth-only | logingovAttributes=email##address | need a verified level (IAL2)",
                "SSN at auth-only | logingovAttributes=email##social_security_number | social_security_number need a verified level",
                "unknown attribute | logingovAttributes=email##groups | Login.gov has no attribute groups",
                "verified scope at auth-only | logingovAttributes=<blank>;defaultScope=openid email address | need a verified service level",
                "unknown scope | logingovAttributes=<blank>;defaultScope=openid email groups | does not know the scope",
                "plain http base URL | logingovEnvironment=custom;logingovBaseUrl=http://idp.example.gov/ | must start with https://",
                "loopback look-alike | logingovEnvironment=custom;logingovBaseUrl=http://localhost.evil.example/ | must start with https://",
                "zero IAL max age | logingovIalMaxAgeSeconds=0 | verified identity (IAL) reuse time must be a positive number",
                "AAL max age beyond 12 h | logingovAalMaxAgeSeconds=86400 | strong authentication (AAL) reuse time must be at most 43200"
            })
    void a_configuration_that_cannot_work_is_refused_with_a_reason(String name, String setting, String message) {
        assertRefused(name, setting, message, false);
    }

    @Test
    void store_tokens_is_refused_on_save_with_the_reason() {
        assertRefused("store tokens", "logingovIal=urn:acr.login.gov:auth-only", "Turn 'Store tokens' off", true);
    }

    private void assertRefused(String name, String setting, String message, boolean storeTokens) {
        Map<String, String> settings = new HashMap<>();
        for (String pair : setting.split(";")) {
            String[] keyValue = pair.split("=", 2);
            // <blank> keeps a key with a blank value, which the defaults would otherwise fill.
            settings.put(keyValue[0].trim(), keyValue[1].trim().replace("<blank>", " "));
        }
        IdentityProviderRepresentation provider = BrokerRealm.newIdentityProvider("refused", settings);
        provider.setStoreToken(storeTokens);

        BadRequestException refused = assertThrows(BadRequestException.class, () -> {
            try (Response response = realm.resource().identityProviders().create(provider)) {
                if (response.getStatus() == 400) {
                    throw new BadRequestException(response.readEntity(String.class));
                }
                throw new AssertionError("accepted with HTTP " + response.getStatus());
            }
        });
        assertTrue(refused.getMessage().contains(message), () -> name + ": " + refused.getMessage());
    }
}
