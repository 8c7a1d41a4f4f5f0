package io.github.kclogingov.broker.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.models.UserSessionModel;

class StockTokensTest {

    /** A user session whose notes are this map: the only part of it {@link StockTokens} uses. */
    private static UserSessionModel sessionWithNotes(Map<String, String> notes) {
        return (UserSessionModel) Proxy.newProxyInstance(
                UserSessionModel.class.getClassLoader(),
                new Class<?>[] {UserSessionModel.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getNote":
                            return notes.get((String) args[0]);
                        case "removeNote":
                            notes.remove((String) args[0]);
                            return null;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private static Map<String, String> stockSession(String alias) {
        Map<String, String> notes = new HashMap<>();
        notes.put("identity_provider", alias);
        notes.put("identity_provider_identity", "person@example.com");
        notes.put("FEDERATED_ID_TOKEN", "eyJ.id.token");
        notes.put("FEDERATED_ACCESS_TOKEN", "access");
        notes.put("FEDERATED_TOKEN_EXPIRATION", "1800000000");
        return notes;
    }

    @Test
    void the_tokens_go_and_every_other_note_stays() {
        Map<String, String> notes = stockSession("logingov");

        assertTrue(StockTokens.removeFrom(sessionWithNotes(notes), "logingov"));

        assertEquals(
                Map.of("identity_provider", "logingov", "identity_provider_identity", "person@example.com"), notes);
    }

    @Test
    void a_session_signed_in_through_another_provider_is_left_alone() {
        Map<String, String> notes = stockSession("other-oidc");

        assertFalse(StockTokens.removeFrom(sessionWithNotes(notes), "logingov"));

        assertEquals(stockSession("other-oidc"), notes);
    }

    @Test
    void a_session_without_tokens_is_not_counted() {
        Map<String, String> notes = new HashMap<>(Map.of("identity_provider", "logingov"));

        assertFalse(StockTokens.removeFrom(sessionWithNotes(notes), "logingov"));
    }
}
