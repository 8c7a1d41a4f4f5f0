package io.github.kclogingov.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The simulator's HTTP admin API, as a test (or a person with curl) drives it: one-shot faults for
 * the next answers, outages lasting until cleared, the JWKS it publishes, key rotation, and the certificates registered for a
 * client. See {@code simulator/README.md}.
 */
public final class SimulatorAdmin {

    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    public SimulatorAdmin(String issuer) {
        this.base = issuer + "simulator/admin/";
    }

    public static SimulatorAdmin shared() {
        return new SimulatorAdmin(SharedSimulator.get().issuer());
    }

    /** The next id_token carries this fault ({@code IdTokenFault} name). */
    public void nextIdToken(String fault) {
        post("faults", Map.of("idToken", fault));
    }

    /** The next userinfo answer carries this fault ({@code UserinfoFault} name). */
    public void nextUserinfo(String fault) {
        post("faults", Map.of("userinfo", fault));
    }

    /** The next authorization ends with this fault ({@code AuthorizationFault} name). */
    public void nextAuthorization(String fault) {
        post("faults", Map.of("authorization", fault));
    }

    /**
     * Takes Login.gov's endpoints down, lasting until {@link #clearOutages}: {@code endpoint} is one
     * of {@code discovery}, {@code jwks}, {@code token}, {@code userinfo}; {@code outage} one of
     * {@code refuse}, {@code http_500}, {@code html}, {@code slow}, {@code hang}, {@code none}.
     */
    public void outage(String endpoint, String outage) {
        post("outages", Map.of(endpoint, outage));
    }

    /** As {@link #outage}, with the delay of a {@code slow} endpoint. */
    public void slowOutage(String endpoint, int delayMillis) {
        post("outages", Map.of(endpoint, "slow", "delayMillis", String.valueOf(delayMillis)));
    }

    /** {@code endpoint} answers 429 with {@code Retry-After: retryAfter} (or none, for {@code none}). */
    public void throttled(String endpoint, String retryAfter) {
        post("outages", Map.of(endpoint, "too_many_requests", "retryAfter", retryAfter));
    }

    /** Every endpoint up again; requests held by a {@code hang} are closed without an answer. */
    public void clearOutages() {
        post("outages/clear", Map.of());
    }

    public void rotateKeys() {
        post("keys/rotate", Map.of());
    }

    /** What the JWKS publishes besides the signing keys, and whether it holds the primary key only. */
    public void jwks(boolean unknownKeyTypes, boolean singleKey) {
        post(
                "jwks",
                Map.of("unknownKeyTypes", String.valueOf(unknownKeyTypes), "singleKey", String.valueOf(singleKey)));
    }

    /** Uploads one more certificate for the service provider, as an agency does in the partner portal. */
    public void addCertificate(String clientId, String certificatePem) {
        post("certificates", Map.of("clientId", clientId, "add", certificatePem));
    }

    /** Removes a certificate of the service provider from the partner portal. */
    public void removeCertificate(String clientId, String certificatePem) {
        post("certificates", Map.of("clientId", clientId, "remove", certificatePem));
    }

    private void post(String path, Map<String, String> form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(HttpBrowser.form(form)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 204) {
                throw new AssertionError("simulator admin " + path + " " + form + " answered HTTP "
                        + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
