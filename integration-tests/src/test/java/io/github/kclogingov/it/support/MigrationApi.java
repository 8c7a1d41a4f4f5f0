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
import java.util.List;
import java.util.stream.Collectors;
import org.keycloak.admin.client.Keycloak;

/**
 * The migration endpoints of the admin REST API, {@code /admin/realms/{realm}/logingov/migration/},
 * called as docs/migration.md's curl examples call them: a bearer token of an administrator.
 */
public final class MigrationApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Keycloak admin;
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    /** @param admin whose token the calls carry: an administrator, or a user with fewer rights */
    public MigrationApi(Keycloak admin, String keycloakUrl, String realm) {
        this.admin = admin;
        this.base = keycloakUrl + "/admin/realms/" + realm + "/logingov/migration/";
    }

    /** An answer: its status and its JSON body. */
    public record Answer(int status, JsonNode body) {
        public List<String> reasons() {
            return body.path("refusals").isMissingNode()
                    ? textList(body.path("reasons"))
                    : textList(body.path("refusals"));
        }

        private static List<String> textList(JsonNode array) {
            return java.util.stream.StreamSupport.stream(array.spliterator(), false)
                    .map(JsonNode::asText)
                    .toList();
        }
    }

    public Answer dryRun(String alias, String query) {
        return send("GET", alias, query);
    }

    public Answer migrate(String alias, String query) {
        return send("POST", alias, query);
    }

    public Answer prepareKey(String alias) {
        return send("POST", alias + "/key", "");
    }

    /** {@code customIssuer=<issuer>}, encoded. */
    public static String customIssuer(String issuer) {
        return "customIssuer=" + URLEncoder.encode(issuer, StandardCharsets.UTF_8);
    }

    /** {@code dropMapper=<name>} once per name, encoded. */
    public static String dropMappers(List<String> names) {
        return names.stream()
                .map(name -> "dropMapper=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The body as JSON; a body that is not JSON as one text node, so that a failed assertion shows it. */
    private static JsonNode json(String body) {
        if (body == null || body.isEmpty()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    private Answer send(String method, String path, String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path + (query.isEmpty() ? "" : "?" + query)))
                .header("Authorization", "Bearer " + admin.tokenManager().getAccessTokenString())
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), json(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
