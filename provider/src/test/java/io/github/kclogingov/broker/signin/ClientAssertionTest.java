package io.github.kclogingov.broker.signin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.protocol.LoginGovProtocol;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.JsonWebToken;

/** Tests the claims of the private_key_jwt client assertion sent to Login.gov's token endpoint. */
class ClientAssertionTest {

    static final String CLIENT_ID = "urn:gov:gsa:openidconnect.profiles:sp:sso:agency:app";
    static final String TOKEN_URL = "https://idp.int.identitysandbox.gov/api/openid_connect/token";

    @Test
    void issuer_and_subject_are_the_client_id_and_the_audience_exactly_the_token_endpoint() {
        JsonWebToken assertion = ClientAssertion.claims(CLIENT_ID, TOKEN_URL, 1_800_000_000L);
        assertEquals(CLIENT_ID, assertion.getIssuer());
        assertEquals(CLIENT_ID, assertion.getSubject());
        assertArrayEquals(new String[] {TOKEN_URL}, assertion.getAudience());
    }

    @Test
    void it_lives_well_under_login_govs_five_minutes() {
        JsonWebToken assertion = ClientAssertion.claims(CLIENT_ID, TOKEN_URL, 1_800_000_000L);
        assertEquals(1_800_000_000L, assertion.getIat());
        long lifetime = assertion.getExp() - assertion.getIat();
        assertEquals(120, lifetime);
        assertTrue(lifetime < LoginGovProtocol.MAX_CLIENT_ASSERTION_LIFETIME.getSeconds());
    }

    @Test
    void every_assertion_has_its_own_jti() {
        String first =
                ClientAssertion.claims(CLIENT_ID, TOKEN_URL, 1_800_000_000L).getId();
        String second =
                ClientAssertion.claims(CLIENT_ID, TOKEN_URL, 1_800_000_000L).getId();
        assertTrue(first != null && first.length() >= 16, first);
        assertNotEquals(first, second);
    }
}
