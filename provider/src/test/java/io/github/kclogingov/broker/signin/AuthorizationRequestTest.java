package io.github.kclogingov.broker.signin;

import static io.github.kclogingov.protocol.AcrValuesTest.AUTH_ONLY;
import static io.github.kclogingov.protocol.AcrValuesTest.PIV_CAC;
import static io.github.kclogingov.protocol.AcrValuesTest.VERIFIED;
import static io.github.kclogingov.protocol.AcrValuesTest.acr;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.broker.common.LoginGovLoginException;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests what Login.gov's authorize endpoint receives, whatever Keycloak or the downstream application put in. */
class AuthorizationRequestTest {

    /** What Keycloak's stock broker builds, with a downstream application's own parameters forwarded. */
    static UriBuilder stockRequest() {
        return UriBuilder.fromUri("https://idp.int.identitysandbox.gov/openid_connect/authorize")
                .queryParam("scope", "openid email profile:name address")
                .queryParam("state", "s".repeat(40))
                .queryParam("acr_values", "gold")
                .queryParam("prompt", "login")
                .queryParam("ui_locales", "es")
                .queryParam("login_hint", "someone@example.gov")
                .queryParam("max_age", "0")
                .queryParam("claims", "{\"id_token\":{\"acr\":{\"essential\":true}}}");
    }

    static Map<String, String> query(UriBuilder uri) {
        URI built = uri.build();
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : built.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        return values;
    }

    @Test
    void login_gov_gets_exactly_one_level_select_account_and_nothing_of_the_application_request() {
        Map<String, String> sent = query(AuthorizationRequest.shape(
                stockRequest(), acr(AUTH_ONLY + " " + PIV_CAC), "openid email profile:name address", "es"));

        assertEquals(AUTH_ONLY + " " + PIV_CAC, sent.get("acr_values"));
        assertEquals("select_account", sent.get("prompt"));
        assertEquals("es", sent.get("locale"));
        for (String dropped : new String[] {"ui_locales", "login_hint", "max_age", "claims"}) {
            assertFalse(sent.containsKey(dropped), dropped + " must not reach Login.gov: " + sent);
        }
        assertEquals("s".repeat(40), sent.get("state"), "the rest of Keycloak's request is kept");
    }

    @Test
    void verified_only_scopes_go_only_with_a_verified_level() {
        String scopes = "openid email profile:name address";
        assertEquals(
                "openid email",
                query(AuthorizationRequest.shape(stockRequest(), acr(AUTH_ONLY), scopes, null))
                        .get("scope"));
        assertEquals(
                scopes,
                query(AuthorizationRequest.shape(stockRequest(), acr(VERIFIED), scopes, null))
                        .get("scope"));
    }

    @Test
    void without_a_login_gov_language_no_locale_is_sent() {
        UriBuilder withLocale = stockRequest().queryParam("locale", "de");
        assertFalse(query(AuthorizationRequest.shape(withLocale, acr(AUTH_ONLY), "openid", null))
                .containsKey("locale"));
    }

    @Test
    void a_state_shorter_than_login_gov_allows_is_refused() {
        LoginGovLoginException refused =
                assertThrows(LoginGovLoginException.class, () -> AuthorizationRequest.checkState("s".repeat(21)));
        assertTrue(refused.getMessage().contains("22"), refused.getMessage());
        assertThrows(LoginGovLoginException.class, () -> AuthorizationRequest.checkState(null));
        assertDoesNotThrow(() -> AuthorizationRequest.checkState("s".repeat(22)));
    }
}
