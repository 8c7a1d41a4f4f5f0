package io.github.kclogingov.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.keycloak.admin.client.Keycloak;

/**
 * The fraud reports of the admin REST API, {@code /admin/realms/{realm}/logingov/fraud-reports},
 * called as the administrators' guide's curl examples call them: JSON, an administrator's bearer token.
 */
public final class FraudReportApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Keycloak admin;
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    /** @param admin whose token the calls carry: an administrator, or a user with fewer rights */
    public FraudReportApi(Keycloak admin, String keycloakUrl, String realm) {
        this.admin = admin;
        this.base = keycloakUrl + "/admin/realms/" + realm + "/logingov/fraud-reports";
    }

    /** An answer: its status and its JSON body. */
    public record Answer(int status, JsonNode body) {
        public String state() {
            return body.path("state").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** Reports {@code eventType} for {@code userId}; {@code extra} is more JSON members, e.g. {@code "alias":"x"}. */
    public Answer report(String userId, String eventType, String extra) {
        String body = "{\"userId\":\"" + userId + "\",\"eventType\":\"" + eventType + "\""
                + (extra.isEmpty() ? "" : "," + extra) + "}";
        return send("POST", "", body);
    }

    public Answer post(String body) {
        return send("POST", "", body);
    }

    public Answer ofUser(String userId) {
        return send("GET", "?userId=" + URLEncoder.encode(userId, StandardCharsets.UTF_8), null);
    }

    public Answer get(String reportId) {
        return send("GET", "/" + reportId, null);
    }

    public Answer retryNow(String reportId) {
        return send("POST", "/" + reportId + "/retry", null);
    }

    /** The report once {@code until} holds of it, polled every half second up to {@code timeout}. */
    public Answer await(String reportId, Predicate<Answer> until, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        Answer last = get(reportId);
        while (!until.test(last) && Instant.now().isBefore(end)) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = get(reportId);
        }
        return last;
    }

    private Answer send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + admin.tokenManager().getAccessTokenString())
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json;
            try {
                json = text == null || text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
            } catch (IOException notJson) {
                json = JSON.getNodeFactory().textNode(text);
            }
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
