package io.github.kclogingov.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PagesTest {

    @Test
    void html_escaping_makes_markup_inert() {
        assertEquals(
                "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;",
                Html.escape("<script>alert(\"x\")</script> & '"));
        assertEquals("", Html.escape(null));
    }

    @Nested
    class The_claims_table {
        @Test
        void lists_every_claim_not_shown_above_with_where_it_came_from() {
            Map<String, Object> idToken = Map.of("sub", "s", "acr", "verified", "auth_time", 1700000000L, "sid", "x");
            Map<String, Object> userinfo = Map.of("sub", "s", "given_name", "Jordan", "sid", "x");
            String table = ClaimsTable.render(idToken, userinfo);
            assertTrue(
                    table.contains("<code>auth_time</code></th><td>id_token</td><td class=\"value\">1700000000"),
                    table);
            assertTrue(
                    table.contains("<code>given_name</code></th><td>userinfo</td><td class=\"value\">Jordan"), table);
            assertTrue(table.contains("<code>sid</code></th><td>id_token, userinfo</td>"), table);
            assertFalse(table.contains("<code>acr</code>"), "shown above the table");
            assertFalse(table.contains("<code>sub</code>"), "shown above the table");
        }

        @Test
        void escapes_values_and_names() {
            String table =
                    ClaimsTable.render(Map.of("family_name", "<img src=x onerror=alert(1)>"), Map.of("<b>", "x"));
            assertFalse(table.contains("<img"), table);
            assertFalse(table.contains("<b>"), table);
            assertTrue(table.contains("&lt;img src=x onerror=alert(1)&gt;"), table);
        }

        @Test
        void reads_lists_and_objects_line_by_line() {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("street_address", "1 Main St\nApt 2");
            address.put("locality", "Springfield");
            assertEquals("street_address: 1 Main St\nApt 2\nlocality: Springfield", ClaimText.of(address));
            assertEquals("a\nb", ClaimText.of(List.of("a", "b")));
        }
    }

    @Test
    void one_level_button_per_realm_level_name_each_asking_for_it() {
        String buttons = LevelButtons.render(List.of("auth-only", "phishing-resistant", "verified-facial-match"));
        for (String level : List.of("auth-only", "phishing-resistant", "verified-facial-match")) {
            assertTrue(buttons.contains("name=\"acr_values\" value=\"" + level + "\""), buttons);
        }
        assertEquals(3, buttons.split("<button", -1).length - 1);
        assertTrue(buttons.contains("action=\"/sign-in\""));
    }

    @Test
    void the_signed_in_page_shows_who_the_level_and_the_buttons() {
        SignedIn signedIn = new SignedIn(
                "header.payload.signature",
                Map.of("sub", "abc", "acr", "verified", "logingov_ial", "urn:acr.login.gov:verified"),
                Map.of("sub", "abc", "email", "jordan@example.com", "preferred_username", "jordan"));
        String page = Pages.signedIn(signedIn, List.of("auth-only", "verified"));
        assertTrue(page.contains("id=\"claim-acr\">verified<"), page);
        assertTrue(page.contains("id=\"claim-email\">jordan@example.com<"), page);
        assertTrue(page.contains("id=\"claim-logingov_ial\">urn:acr.login.gov:verified<"), page);
        assertTrue(page.contains("id=\"claim-logingov_aal\"><em>not released</em>"), page);
        assertTrue(page.contains("Sign in again") && page.contains("action=\"/sign-out\""), page);
        assertFalse(page.contains("header.payload.signature"), "the id_token never reaches the page");
    }

    @Test
    void a_step_up_that_did_not_happen_is_a_notice_on_the_signed_in_page() {
        SignedIn signedIn = new SignedIn(
                "header.payload.signature", Map.of("sub", "abc", "acr", "auth-only"), Map.of("sub", "abc"));
        String notice = Pages.levelNotRaised("access_denied", "the person cancelled at Login.gov <b>");

        String page = Pages.signedIn(signedIn, List.of("auth-only", "verified"), notice);

        assertTrue(notice.contains("still signed in as before, at the same level"), notice);
        assertTrue(page.contains("id=\"level-not-raised\""), page);
        assertTrue(page.contains("error=access_denied: the person cancelled at Login.gov &lt;b&gt;"), page);
        assertTrue(page.contains("id=\"claim-acr\">auth-only<"), page);
        assertFalse(Pages.signedIn(signedIn, List.of("auth-only"), null).contains("level-not-raised"));
    }

    @Test
    void a_session_keeps_a_notice_for_one_page() {
        BrowserSession session = new BrowserSession();
        session.notice("why");
        assertEquals("why", session.takeNotice().orElseThrow());
        assertTrue(session.takeNotice().isEmpty());
    }

    @Nested
    class An_error_page {
        @Test
        void says_what_keycloak_answered_in_words_with_a_link_back() {
            String page = Pages.oauthError("access_denied", "User cancelled");
            assertTrue(page.contains("cancelled or refused"), page);
            assertTrue(page.contains("<code>error=access_denied</code>"), page);
            assertTrue(page.contains("User cancelled"), page);
            assertTrue(page.contains("href=\"/\""), page);
        }

        @Test
        void escapes_what_keycloak_sent() {
            String page = Pages.oauthError("<x>", "<script>alert(1)</script>");
            assertFalse(page.contains("<script>alert"), page);
            assertFalse(page.contains("<x>"), page);
        }

        @Test
        void explains_login_required() {
            assertTrue(Pages.oauthError("login_required", null).contains("needed you to sign in"));
        }
    }
}
