package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the persona page says in words: the service, the level, and why a persona cannot sign in. */
class PersonaPickerPageTest {
    private static final String PHISHING_RESISTANT =
            "http://idmanagement.gov/ns/assurance/aal/2?phishing_resistant=true";
    private static final String FACIAL_MATCH = "urn:acr.login.gov:verified-facial-match-required";

    private LoginGovSimulator simulator;

    @BeforeEach
    void interactive() {
        simulator = SharedSimulator.reset();
        simulator.setMode(Mode.INTERACTIVE);
    }

    private String picker(String acrValues) {
        return picker(TestClients.CONFIDENTIAL, acrValues);
    }

    private String picker(String clientId, String acrValues) {
        HttpResponse<String> page =
                Http.get(AuthorizeParams.validFor(clientId).acr(acrValues).url(simulator));
        assertEquals(200, page.statusCode(), page.body());
        return page.body();
    }

    @Test
    void the_heading_names_the_service_with_its_client_id_in_small_text() {
        String body = picker(AuthorizeParams.AUTH_ONLY);
        assertTrue(
                body.contains("<h1>Sign in to the agency app<br><small class=\"urn\">" + TestClients.CONFIDENTIAL
                        + "</small></h1>"),
                body);
        assertTrue(body.contains("<title>Sign in to the agency app – Login.gov simulator</title>"), body);
    }

    @Test
    void the_requested_levels_are_in_words_with_their_urns_beside_them() {
        String body = picker(AuthorizeParams.VERIFIED + " " + PHISHING_RESISTANT);
        assertTrue(
                body.contains("<strong>Identity verified</strong> <small class=\"urn\">" + AuthorizeParams.VERIFIED
                        + "</small>"),
                body);
        assertTrue(
                body.contains("<strong>Phishing-resistant MFA</strong> <small class=\"urn\">"
                        + HtmlPage.escape(PHISHING_RESISTANT) + "</small>"),
                body);
    }

    @Test
    void without_an_aal_the_default_is_named() {
        String body = picker(AuthorizeParams.AUTH_ONLY);
        assertTrue(body.contains("<strong>Authentication only</strong>"), body);
        assertTrue(body.contains("Login.gov&#39;s default"), body);
        assertTrue(body.contains("(none asked)"), body);
    }

    @Test
    void facial_match_and_ialmax_are_named_in_words() {
        assertTrue(picker(FACIAL_MATCH).contains("<strong>Identity verified with facial match</strong>"));
        String ialmax = picker(TestClients.IALMAX, "http://idmanagement.gov/ns/assurance/ial/0");
        assertTrue(ialmax.contains("<strong>IALMAX: verified data if the person has it</strong>"), ialmax);
        assertFalse(ialmax.contains("Not eligible"), "everyone can sign in at IALMAX");
    }

    @Test
    void a_persona_below_the_level_is_shown_disabled_with_the_reason() {
        String body = picker(AuthorizeParams.VERIFIED);
        assertTrue(
                body.contains("Casey has not verified their identity, so cannot sign in at “Identity verified”."),
                body);
        assertTrue(
                body.contains("<button type=\"button\" disabled aria-describedby=\"persona-auth-only-reason\">"
                        + "Sign in as Casey Authonly</button>"),
                body);
        assertFalse(body.contains("name=\"persona\" value=\"auth-only\""), "Casey cannot be submitted");
        assertTrue(body.contains("name=\"persona\" value=\"verified\""), "Jordan can");
    }

    @Test
    void facial_match_required_gives_the_verified_personas_their_reason() {
        String body = picker(FACIAL_MATCH);
        assertTrue(
                body.contains("Jordan has not verified their identity with a facial match, so cannot sign in at "
                        + "“Identity verified with facial match”."),
                body);
        assertTrue(body.contains("name=\"persona\" value=\"facial-match\""), "Riley can");
    }

    @Test
    void no_word_comes_twice_in_a_row_at_any_level() {
        for (String acrValues : List.of(
                AuthorizeParams.AUTH_ONLY,
                AuthorizeParams.VERIFIED + " " + PHISHING_RESISTANT,
                FACIAL_MATCH + " urn:gov:gsa:ac:classes:sp:PasswordProtectedTransport:duo")) {
            String body = picker(acrValues);
            assertEquals(List.of(), PageWords.doubled(body), () -> acrValues + ": " + PageWords.text(body));
        }
        String ialmax = picker(TestClients.IALMAX, "http://idmanagement.gov/ns/assurance/ial/0");
        assertEquals(List.of(), PageWords.doubled(ialmax), () -> PageWords.text(ialmax));
    }

    @Test
    void the_doubled_word_check_sees_one_across_tags_and_punctuation() {
        assertEquals(
                List.of("Identity identity"),
                PageWords.doubled("<li>Identity: <strong>identity verified</strong></li><style>a a</style>"));
    }

    @Test
    void each_persona_s_id_is_labelled_and_its_proofing_said_once() {
        String body = picker(AuthorizeParams.VERIFIED);
        assertTrue(body.contains("Jordan Verified <small class=\"urn\">(id: verified)</small>"), body);
        String text = PageWords.text(body);
        assertEquals(1, text.split("Identity verified with facial match\\.", -1).length - 1, text);
    }

    @Test
    void the_page_names_an_empty_icon_so_the_browser_asks_for_none() {
        assertTrue(picker(AuthorizeParams.AUTH_ONLY).contains("<link rel=\"icon\" href=\"data:,\">"));
    }
}
