package io.github.kclogingov.broker.signin;

import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.broker.config.UpstreamTimeouts;
import io.github.kclogingov.broker.signin.LoginGovUnavailableException.Endpoint;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.http.NameValuePair;
import org.apache.http.client.HttpClient;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.entity.UrlEncodedFormEntity;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.message.BasicNameValuePair;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.http.simple.SimpleHttpRequest;
import org.keycloak.models.KeycloakSession;

/**
 * Every call a sign-in makes to Login.gov, on Keycloak's HTTP client (its proxy and trust settings)
 * but bounded by the provider's own timeouts instead of Keycloak's global ones (which bound Keycloak's
 * own calls to every upstream alike, and by default never time out a connection attempt): per read,
 * and for the whole call ({@link UpstreamCall}). The failures that mean Login.gov cannot be used
 * become {@link LoginGovUnavailableException}; HTTP 429 becomes {@link LoginGovBusyException}.
 */
public final class UpstreamHttp {

    private UpstreamHttp() {}

    /** Keycloak's HTTP client, shared by the node. */
    static HttpClient client(KeycloakSession session) {
        return session.getProvider(HttpClientProvider.class).getHttpClient();
    }

    /**
     * Every per-read timeout the request knows. A request's own configuration replaces the client's
     * default one as a whole, so every timeout is set here.
     */
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
     * authentication), as a form post of its own: Keycloak builds it on a client without a way to
     * change its timeouts or abort it. It is a form post, so its parameters and headers are all
     * there is to it.
     */
    static HttpPost tokenPost(SimpleHttpRequest built) {
        if (built.getEntity() != null) {
            throw new IllegalStateException("the token request has a body besides its form parameters");
        }
        HttpPost post = new HttpPost(built.getUrl());
        copyHeaders(built.getHeaders(), post);
        List<NameValuePair> form = new ArrayList<>();
        if (built.getParams() != null) {
            built.getParams().forEach((name, value) -> form.add(new BasicNameValuePair(name, value)));
        }
        post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
        return post;
    }

    private static void copyHeaders(Map<String, String> headers, HttpPost post) {
        if (headers != null) {
            headers.forEach(post::setHeader);
        }
    }

    /**
     * A JSON document from Login.gov (userinfo, the JWKS), as text of at most {@code maxLength}
     * bytes.
     *
     * @throws LoginGovBusyException when Login.gov answers HTTP 429
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
        return getJson(client(session), url, bearerToken, endpoint, timeouts, maxLength);
    }

    /** As above, on {@code client}. */
    static String getJson(
            HttpClient client,
            String url,
            String bearerToken,
            Endpoint endpoint,
            UpstreamTimeouts timeouts,
            int maxLength) {
        HttpGet request = new HttpGet(url);
        request.setHeader("Accept", MediaType.APPLICATION_JSON);
        if (bearerToken != null) {
            request.setHeader("Authorization", "Bearer " + bearerToken);
        }
        UpstreamCall.Answer answer = UpstreamCall.send(client, request, endpoint, timeouts, maxLength);
        int status = answer.status();
        if (status >= 500) {
            throw LoginGovUnavailableException.serverError(endpoint, status);
        }
        if (status != 200) {
            throw new LoginGovLoginException(
                    FailureCode.ANSWER_INVALID, "Login.gov's " + endpoint + " answered HTTP " + status);
        }
        if (!isJson(answer.contentType())) {
            throw LoginGovUnavailableException.notJson(endpoint, answer.contentType());
        }
        if (answer.body().isEmpty()) {
            throw new LoginGovLoginException(
                    FailureCode.ANSWER_INVALID, "Login.gov's " + endpoint + " answer is empty");
        }
        return answer.body();
    }

    /** Any JSON media type ({@link JsonMediaType}): {@code application/jwk-set+json} is a JWKS too. */
    static boolean isJson(String contentType) {
        return JsonMediaType.matches(contentType);
    }
}
