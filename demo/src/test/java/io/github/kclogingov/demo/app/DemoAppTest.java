package io.github.kclogingov.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The application's server over HTTP, without Keycloak: nothing here reaches the token endpoint. */
class DemoAppTest {
    private static final Pattern SIGN_IN_LINK = Pattern.compile("id=\"sign-in\" href=\"([^\"]+)\">Sign in<");

    private final HttpClient http = HttpClient.newHttpClient();
    private DemoApp app;

    @BeforeEach
    void start() throws IOException {
        AppSettings settings = new AppSettings(
                URI.create("http://localhost:8082/"),
                "http://localhost:8080/realms/demo",
                "demo-app",
                List.of("auth-only", "verified"));
        app = DemoApp.start(settings, 0);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private static Map<String, String> signInParameters(HttpResponse<String> home) {
        Matcher link = SIGN_IN_LINK.matcher(home.body());
        assertTrue(link.find(), home.body());
        String url = link.group(1).replace("&amp;", "&");
        assertTrue(url.startsWith("http://localhost:8080/realms/demo/protocol/openid-connect/auth?"), url);
        return QueryString.parse(URI.create(url).getRawQuery());
    }

    @Test
    void the_home_page_offers_a_sign_in_link_with_pkce_state_and_nonce() throws Exception {
        HttpResponse<String> home = get("/", null);
        assertEquals(200, home.statusCode());
        assertTrue(home.headers().firstValue("Set-Cookie").orElseThrow().contains("HttpOnly"));
        Map<String, String> parameters = signInParameters(home);
        assertEquals("demo-app", parameters.get("client_id"));
        assertEquals("http://localhost:8082/callback", parameters.get("redirect_uri"));
        assertEquals("S256", parameters.get("code_challenge_method"));
        assertEquals(43, parameters.get("code_challenge").length());
        assertFalse(parameters.getOrDefault("state", "").isEmpty());
        assertFalse(parameters.getOrDefault("nonce", "").isEmpty());
    }

    @Test
    void an_oauth_error_from_keycloak_is_a_readable_page() throws Exception {
        HttpResponse<String> home = get("/", null);
        String state = signInParameters(home).get("state");
        HttpResponse<String> answer = get(
                "/callback?error=access_denied&error_description=User+cancelled&state=" + state, sessionCookie(home));
        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().contains("cancelled or refused"), answer.body());
        assertTrue(answer.body().contains("href=\"/\""), answer.body());
        assertFalse(answer.body().contains("Exception"), answer.body());
    }

    @Test
    void a_code_for_a_state_this_browser_did_not_start_is_refused_before_calling_keycloak() throws Exception {
        HttpResponse<String> home = get("/", null);
        HttpResponse<String> answer = get("/callback?code=abc&state=forged", sessionCookie(home));
        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().contains("does not belong to a sign-in this browser started"), answer.body());
    }

    @Test
    void a_callback_without_a_session_cookie_is_refused() throws Exception {
        HttpResponse<String> home = get("/", null);
        String state = signInParameters(home).get("state");
        assertEquals(400, get("/callback?code=abc&state=" + state, null).statusCode());
    }

    @Test
    void a_step_up_button_redirects_to_keycloak_with_its_level() throws Exception {
        HttpResponse<String> home = get("/", null);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/sign-in"))
                .header("Cookie", sessionCookie(home))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("acr_values=verified"))
                .build();
        HttpResponse<String> redirect = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(303, redirect.statusCode());
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertEquals(
                "verified",
                QueryString.parse(URI.create(location).getRawQuery()).get("acr_values"));
    }

    @Test
    void an_unknown_level_or_address_is_a_page_not_a_failure() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("acr_values=%3Cscript%3E"))
                .build();
        HttpResponse<String> unknownLevel = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(400, unknownLevel.statusCode());
        assertFalse(unknownLevel.body().contains("<script>"));
        assertEquals(404, get("/nowhere", null).statusCode());
        assertEquals(405, get("/sign-out", null).statusCode());
    }

    @Test
    void the_favicon_is_an_empty_answer_and_the_pages_name_an_empty_icon() throws Exception {
        HttpResponse<String> icon = get("/favicon.ico", null);
        assertEquals(204, icon.statusCode());
        assertEquals("", icon.body());
        assertTrue(get("/", null).body().contains("<link rel=\"icon\" href=\"data:,\">"));
        assertTrue(get("/nowhere", null).body().contains("<link rel=\"icon\" href=\"data:,\">"));
    }
}
