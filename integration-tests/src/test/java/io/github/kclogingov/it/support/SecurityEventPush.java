package io.github.kclogingov.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSHeader;
import io.github.kclogingov.protocol.SecurityEventType;
import io.github.kclogingov.simulator.LoginGovSimulator;
import io.github.kclogingov.simulator.SecurityEventDelivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.keycloak.representations.idm.EventRepresentation;

/**
 * Login.gov's security events against a test realm: sent by the simulator as production sends
 * them, or built from its claims, changed, signed with its id_token key and posted by hand (the
 * hostile variants); and the Keycloak events they leave.
 */
public final class SecurityEventPush {

    /** The Keycloak event type every security event is recorded as. */
    public static final String RECORDED_TYPE = "IDENTITY_PROVIDER_RESPONSE";

    private final BrokerRealm realm;
    private final LoginGovSimulator simulator;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public SecurityEventPush(BrokerRealm realm, LoginGovSimulator simulator) {
        this.realm = realm;
        this.simulator = simulator;
    }

    /** The simulator sends {@code type} about {@code persona} to the push URL of provider {@code alias}. */
    public SecurityEventDelivery send(String persona, SecurityEventType type, String alias) {
        return simulator.securityEvents().send(persona, type, clientId(alias));
    }

    public SecurityEventDelivery send(String persona, SecurityEventType type) {
        return send(persona, type, BrokerRealm.ALIAS);
    }

    /** The claims the simulator would send to provider {@code alias}, to change before {@link #sign}. */
    public Map<String, Object> claims(String persona, SecurityEventType type, String alias) {
        return simulator.securityEvents().claims(persona, type, clientId(alias));
    }

    /** Production's header: RS256, {@code typ: secevent+jwt}, the id_token key's {@code kid}. */
    public JWSHeader header() {
        return simulator.securityEvents().header();
    }

    /** Signed with the simulator's id_token key, whatever the header says. */
    public String sign(JWSHeader header, Map<String, Object> claims) {
        return simulator.securityEvents().sign(header, claims);
    }

    /** Posts {@code body} to provider {@code alias}'s push URL as {@code contentType}. */
    public HttpResponse<String> post(String alias, String contentType, String body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(realm.pushUrl(alias))).timeout(Duration.ofSeconds(10));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return http.send(
                    request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> post(String token) {
        return post(BrokerRealm.ALIAS, "application/secevent+jwt", token);
    }

    /** The security events recorded in the realm, newest first. */
    public List<EventRepresentation> recorded() {
        return realm.resource().getEvents(List.of(RECORDED_TYPE), null, null, null, null, null, 0, 100);
    }

    /** The recorded event of token {@code jti}, with the action it reports. */
    public Optional<EventRepresentation> recorded(String jti, String action) {
        return recorded().stream()
                .filter(event -> jti.equals(event.getDetails().get("logingov_jti")))
                .filter(event -> action.equals(event.getDetails().get("logingov_action")))
                .findFirst();
    }

    /** The JSON body of a refusal. */
    public static JsonNode body(HttpResponse<String> response) {
        try {
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** Waits up to {@code timeout} for {@code condition}: back-channel logout runs after the answer. */
    public static boolean eventually(Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    private String clientId(String alias) {
        return BrokerRealm.ALIAS.equals(alias) ? realm.loginGovClientId() : realm.loginGovClientId() + ":" + alias;
    }
}
