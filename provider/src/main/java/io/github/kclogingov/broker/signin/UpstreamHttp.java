package io.github.kclogingov.broker.signin;

import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.broker.config.UpstreamTimeouts;
import io.github.kclogingov.broker.signin.LoginGovUnavailableException.Endpoint;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.http.client.config.RequestConfig;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpRequest;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.KeycloakSession;

/**
 * Every call a sign-in makes to Login.gov, bounded by the provider's own timeouts instead of
 * Keycloak's global HTTP client settings (which bound Keycloak's own calls to every upstream alike,
 * and by default never time out a connection attempt). The failures that mean Login.gov cannot be
 * used become {@link LoginGovUnavailableException}.
 */
public final class UpstreamHttp {

    private UpstreamHttp() {}

    /**
     * Keycloak's HTTP client with this provider's timeouts. A request's own configuration replaces
     * the client's default one as a whole, so every timeout it knows is set here.
     */
    static SimpleHttp client(KeycloakSession session, UpstreamTimeouts timeouts) {
        return SimpleHttp.create(session).withRequestConfig(requestConfig(timeouts));
    }

    static RequestConfig requestConfig(UpstreamTimeouts timeouts) {
        return RequestConfig.custom()
                .setConnectTimeout(timeouts.connectMillis())
                // Waiting for a pooled connection is waiting to connect, as far as the person can tell.
                .setConnectionRequestTimeout(timeouts.connectMillis())
                .setSocketTimeout(timeouts.readMillis())
                .build();
    }

    /**
     * The token request Keycloak built (code, redirect URI, grant type, PKCE verifier, client
     * authentication), sent again through {@link #client}: Keycloak builds it on a client without
     * a way to change its timeouts afterwards. It is a form post, so its parameters and headers are
     * all there is to it.
     */
    static SimpleHttpRequest bounded(KeycloakSession session, SimpleHttpRequest built, UpstreamTimeouts timeouts) {
        return bounded(client(session, timeouts), built);
    }

    static SimpleHttpRequest bounded(SimpleHttp client, SimpleHttpRequest built) {
        if (built.getEntity() != null) {
            throw new IllegalStateException("the token request has a body besides its form parameters");
        }
        SimpleHttpRequest bounded = client.doPost(built.getUrl());
        copy(built.getHeaders(), bounded::header);
        copy(built.getParams(), bounded::param);
        return bounded;
    }

    private static void copy(Map<String, String> values, BiConsumer<String, String> into) {
        if (values != null) {
            values.forEach(into);
        }
    }

    /**
     * A JSON document from Login.gov (userinfo, the JWKS), as text of at most {@code maxLength}
     * characters.
     *
     * @throws LoginGovUnavailableException when Login.gov cannot be reached in time, answers a
     *     server error, or answers a page instead of JSON
     * @throws LoginGovLoginException for any other status, or an empty or oversized answer
     */
    static String getJson(
            KeycloakSession session,
            String url,
            String bearerToken,
            Endpoint endpoint,
            UpstreamTimeouts timeouts,
            int maxLength) {
        return getJson(client(session, timeouts), url, bearerToken, endpoint, timeouts, maxLength);
    }

    /** As above, on {@code client}, which carries {@code timeouts} ({@link #requestConfig}). */
    static String getJson(
            SimpleHttp client,
            String url,
            String bearerToken,
            Endpoint endpoint,
            UpstreamTimeouts timeouts,
            int maxLength) {
        SimpleHttpRequest request = client.doGet(url).header("Accept", MediaType.APPLICATION_JSON);
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try (SimpleHttpResponse response = request.asResponse()) {
            int status = response.getStatus();
            if (status >= 500) {
                throw LoginGovUnavailableException.serverError(endpoint, status);
            }
            if (status != 200) {
                throw new LoginGovLoginException("Login.gov's " + endpoint + " answered HTTP " + status);
            }
            String contentType = response.getFirstHeader("Content-Type");
            if (!isJson(contentType)) {
                throw LoginGovUnavailableException.notJson(endpoint, contentType);
            }
            String body = response.asString();
            if (body == null || body.isEmpty() || body.length() > maxLength) {
                throw new LoginGovLoginException(
                        "Login.gov's " + endpoint + " answer is empty or longer than " + maxLength + " characters");
            }
            return body;
        } catch (IOException e) {
            throw LoginGovUnavailableException.unreachable(endpoint, e, timeouts);
        }
    }

    /** Any JSON media type ({@link JsonMediaType}): {@code application/jwk-set+json} is a JWKS too. */
    static boolean isJson(String contentType) {
        return JsonMediaType.matches(contentType);
    }
}
