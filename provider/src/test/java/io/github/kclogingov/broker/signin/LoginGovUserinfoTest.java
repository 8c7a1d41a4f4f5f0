package io.github.kclogingov.broker.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.util.JsonSerialization;

/** How Login.gov's checked userinfo answer fills the identity Keycloak builds the user from. */
class LoginGovUserinfoTest {

    static final String SUB = "b2d2d115-1d7e-4579-b9d6-f8e84f4f56ca";

    static BrokeredIdentityContext filled(String json) {
        IdentityProviderModel provider = new IdentityProviderModel();
        provider.setAlias("logingov");
        provider.setEnabled(true);
        BrokeredIdentityContext identity = new BrokeredIdentityContext(SUB, provider);
        try {
            LoginGovUserinfo.fill(identity, JsonSerialization.readValue(json, JsonNode.class));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return identity;
    }

    @Test
    void the_email_and_names_login_gov_released_fill_the_identity() {
        BrokeredIdentityContext identity = filled("{\"sub\":\"" + SUB + "\",\"email\":\"jordan@example.org\","
                + "\"email_verified\":true,\"given_name\":\"Jordan\",\"family_name\":\"Example\"}");
        assertEquals("jordan@example.org", identity.getEmail());
        assertEquals("jordan@example.org", identity.getUsername());
        assertEquals("Jordan", identity.getFirstName());
        assertEquals("Example", identity.getLastName());
        assertTrue(identity.getContextData().get(OIDCIdentityProvider.USER_INFO) instanceof JsonNode);
    }

    @Test
    void the_null_names_of_an_expired_login_gov_session_are_no_names() {
        BrokeredIdentityContext identity = filled("{\"sub\":\"" + SUB + "\",\"email\":\"jordan@example.org\","
                + "\"given_name\":null,\"family_name\":null,\"birthdate\":null,\"address\":null}");
        assertNull(identity.getFirstName());
        assertNull(identity.getLastName());
        assertEquals("jordan@example.org", identity.getEmail());
    }

    @Test
    void a_blank_or_non_text_name_is_no_name() {
        BrokeredIdentityContext identity = filled("{\"sub\":\"" + SUB + "\",\"given_name\":\" \",\"family_name\":42}");
        assertNull(identity.getFirstName());
        assertNull(identity.getLastName());
    }

    @Test
    void a_blank_or_non_text_email_is_no_email_and_the_username_is_the_sub() {
        for (String email : new String[] {"\"\"", "\"  \"", "null", "7", "[\"a@example.gov\"]"}) {
            BrokeredIdentityContext identity = filled("{\"sub\":\"" + SUB + "\",\"email\":" + email + "}");
            assertNull(identity.getEmail(), email);
            assertEquals(SUB, identity.getUsername(), email);
        }
    }

    @Test
    void the_log_names_only_the_claims_login_gov_defines_and_never_a_value() throws IOException {
        JsonNode answer = JsonSerialization.readValue(
                "{\"sub\": \"s\", \"social_security_number\": \"900123456\", \"given_name\": \"Fakey\","
                        + " \"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln\": 1, \"900-12-3456\": true}",
                JsonNode.class);

        String logged = LoginGovUserinfo.names(answer);

        assertEquals("[given_name, social_security_number, sub] and 2 other claim(s)", logged);
    }
}
