package io.github.kclogingov.broker.assurance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Tests that an application's earlier level request does not outlive it in its client session. */
class EarlierLevelRequestTest {

    private static final String CLAIMS = "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"piv-cac\"]}}}";

    /** The client session of the application {@code demo-app}, as its notes. */
    private final Map<String, String> clientSessionNotes = new HashMap<>();

    @Test
    void a_request_with_no_level_removes_the_earlier_requests_level_names() {
        clientSessionNotes.put(OIDCLoginProtocol.ACR_PARAM, "piv-cac");
        clientSessionNotes.put(OIDCLoginProtocol.CLAIMS_PARAM, CLAIMS);
        clientSessionNotes.put(OIDCLoginProtocol.SCOPE_PARAM, "openid profile");

        EarlierLevelRequest.forget(userSession(), request(Map.of(OIDCLoginProtocol.SCOPE_PARAM, "openid")));

        assertEquals(Map.of(OIDCLoginProtocol.SCOPE_PARAM, "openid profile"), clientSessionNotes, "other notes stay");
    }

    @Test
    void a_note_the_request_carries_is_left_for_keycloak_to_overwrite() {
        clientSessionNotes.put(OIDCLoginProtocol.ACR_PARAM, "piv-cac");
        clientSessionNotes.put(OIDCLoginProtocol.CLAIMS_PARAM, CLAIMS);

        EarlierLevelRequest.forget(userSession(), request(Map.of(OIDCLoginProtocol.ACR_PARAM, "verified")));

        // Keycloak writes the new acr_values over the kept note; the claims the request lacks are gone.
        assertEquals(Map.of(OIDCLoginProtocol.ACR_PARAM, "piv-cac"), clientSessionNotes);
    }

    @Test
    void nothing_happens_without_a_session_or_before_the_application_signed_in() {
        EarlierLevelRequest.forget(null, request(Map.of()));
        EarlierLevelRequest.forget(userSessionWithout(), request(Map.of()));
        assertTrue(clientSessionNotes.isEmpty());
    }

    private UserSessionModel userSession() {
        AuthenticatedClientSessionModel clientSession =
                proxy(AuthenticatedClientSessionModel.class, (method, args) -> switch (method) {
                    case "getNote" -> clientSessionNotes.get((String) args[0]);
                    case "removeNote" -> clientSessionNotes.remove((String) args[0]);
                    default -> throw new UnsupportedOperationException(method);
                });
        return proxy(UserSessionModel.class, (method, args) -> {
            if (!method.equals("getAuthenticatedClientSessionByClient")) {
                throw new UnsupportedOperationException(method);
            }
            return "demo-app-id".equals(args[0]) ? clientSession : null;
        });
    }

    private static UserSessionModel userSessionWithout() {
        return proxy(UserSessionModel.class, (method, args) -> {
            if (!method.equals("getAuthenticatedClientSessionByClient")) {
                throw new UnsupportedOperationException(method);
            }
            return null;
        });
    }

    private static AuthenticationSessionModel request(Map<String, String> clientNotes) {
        ClientModel client = proxy(ClientModel.class, (method, args) -> {
            if (!method.equals("getId")) {
                throw new UnsupportedOperationException(method);
            }
            return "demo-app-id";
        });
        return proxy(AuthenticationSessionModel.class, (method, args) -> switch (method) {
            case "getClient" -> client;
            case "getClientNote" -> clientNotes.get((String) args[0]);
            default -> throw new UnsupportedOperationException(method);
        });
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(
                type.getClassLoader(),
                new Class<?>[] {type},
                (proxy, method, args) -> answer.answer(method.getName(), args)));
    }
}
