package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After a partner's authorization-fraud report, Login.gov resets the person's password: the
 * persona's next sign-in, at any service provider, first asks for a new one, typed twice.
 */
class NewPasswordStepTest {
    private static final Pattern REQUEST_ID = Pattern.compile("name=\"request\" value=\"([^\"]+)\"");
    private static final String GOOD_PASSWORD = "correct horse battery";

    private LoginGovSimulator simulator;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
    }

    private void reportAuthorizationFraud() {
        HttpResponse<String> response = PartnerEventBuilder.of(
                        simulator, "verified", PartnerEventBuilder.AUTHORIZATION_FRAUD)
                .send();
        assertEquals(202, response.statusCode(), response::body);
    }

    private static String requestId(HttpResponse<String> page) {
        Matcher matcher = REQUEST_ID.matcher(page.body());
        assertTrue(matcher.find(), page::body);
        return matcher.group(1);
    }

    /** The new-password page the authorization answered, checked to be one. */
    private HttpResponse<String> askedForNewPassword(AuthorizeParams params) {
        HttpResponse<String> page = Http.get(params.url(simulator));
        assertNewPasswordPage(page);
        return page;
    }

    private static void assertNewPasswordPage(HttpResponse<String> page) {
        assertEquals(200, page.statusCode(), page::body);
        assertTrue(page.body().contains("<h1>Choose a new password"), page.body());
        assertTrue(page.body().contains("name=\"password\" type=\"password\""), page.body());
        assertTrue(page.body().contains("name=\"password_confirmation\" type=\"password\""), page.body());
    }

    private HttpResponse<String> answer(HttpResponse<String> page, String password, String confirmation) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(NewPasswordPage.REQUEST_FIELD, requestId(page));
        form.put(NewPasswordPage.PASSWORD_FIELD, password);
        form.put(NewPasswordPage.CONFIRMATION_FIELD, confirmation);
        return Http.postForm(simulator.issuer() + SimulatorContext.NEW_PASSWORD_PATH, form);
    }

    @Test
    void the_next_sign_in_at_any_client_asks_for_a_new_password_first() {
        reportAuthorizationFraud();

        askedForNewPassword(AuthorizeParams.validFor(TestClients.CONFIDENTIAL));
        askedForNewPassword(AuthorizeParams.validFor(TestClients.PUBLIC));
        assertTrue(simulator.passwordResetRequired("verified"), "asking changes nothing");
    }

    @Test
    void different_entries_are_refused_on_the_page_and_the_step_stays() {
        reportAuthorizationFraud();
        HttpResponse<String> page = askedForNewPassword(AuthorizeParams.validFor(TestClients.CONFIDENTIAL));

        HttpResponse<String> again = answer(page, GOOD_PASSWORD, GOOD_PASSWORD + "!");

        assertNewPasswordPage(again);
        assertTrue(again.body().contains("The two passwords you entered do not match."), again.body());
        assertFalse(again.body().contains(GOOD_PASSWORD), "nothing typed is shown");
        assertTrue(simulator.passwordResetRequired("verified"));
    }

    @Test
    void a_password_under_12_characters_is_refused_on_the_page() {
        reportAuthorizationFraud();
        HttpResponse<String> page = askedForNewPassword(AuthorizeParams.validFor(TestClients.CONFIDENTIAL));

        HttpResponse<String> again = answer(page, "elevenchars", "elevenchars");

        assertNewPasswordPage(again);
        assertTrue(again.body().contains("Your password must be at least 12 characters long."), again.body());
        HttpResponse<String> emojis = answer(again, "🔑".repeat(11), "🔑".repeat(11));
        assertTrue(emojis.body().contains("at least 12 characters"), "counted as a person sees them");
        assertTrue(simulator.passwordResetRequired("verified"));
    }

    @Test
    void an_accepted_password_completes_the_sign_in_and_the_next_one_is_as_usual() {
        reportAuthorizationFraud();
        AuthorizeParams params = AuthorizeParams.validFor(TestClients.CONFIDENTIAL);
        HttpResponse<String> page =
                answer(answer(askedForNewPassword(params), "too short", "too short"), GOOD_PASSWORD, GOOD_PASSWORD);

        assertEquals(302, page.statusCode(), page::body);
        Map<String, String> redirect = Http.redirectParameters(page);
        assertEquals(params.get("state"), redirect.get("state"));
        assertNotNull(redirect.get("code"));
        HttpResponse<String> token =
                Flows.token(simulator, Flows.tokenForm(simulator, TestClients.CONFIDENTIAL, redirect.get("code")));
        assertEquals(200, token.statusCode(), token::body);
        assertFalse(simulator.passwordResetRequired("verified"));

        assertNotNull(Flows.code(simulator, AuthorizeParams.validFor(TestClients.PUBLIC)), "no step any more");
    }

    @Test
    void in_interactive_mode_the_step_follows_the_persona_picker() {
        simulator.setMode(Mode.INTERACTIVE);
        reportAuthorizationFraud();
        HttpResponse<String> picker =
                Http.get(AuthorizeParams.validFor(TestClients.CONFIDENTIAL).url(simulator));

        HttpResponse<String> step = Http.postForm(
                simulator.issuer() + SimulatorContext.SIGN_IN_PATH,
                Map.of(
                        PersonaPickerPage.REQUEST_FIELD,
                        requestId(picker),
                        PersonaPickerPage.PERSONA_FIELD,
                        "verified"));

        assertNewPasswordPage(step);
        assertEquals(302, answer(step, GOOD_PASSWORD, GOOD_PASSWORD).statusCode());
    }

    @Test
    void cancel_answers_access_denied_and_keeps_the_step() {
        reportAuthorizationFraud();
        HttpResponse<String> page = askedForNewPassword(AuthorizeParams.validFor(TestClients.CONFIDENTIAL));

        HttpResponse<String> cancelled = Http.postForm(
                simulator.issuer() + SimulatorContext.NEW_PASSWORD_PATH,
                Map.of(NewPasswordPage.REQUEST_FIELD, requestId(page), NewPasswordPage.CANCEL_FIELD, "true"));

        assertEquals(302, cancelled.statusCode());
        assertEquals("access_denied", Http.redirectParameters(cancelled).get("error"));
        assertTrue(simulator.passwordResetRequired("verified"));
    }

    @Test
    void an_answered_page_cannot_be_answered_again() {
        reportAuthorizationFraud();
        HttpResponse<String> page = askedForNewPassword(AuthorizeParams.validFor(TestClients.CONFIDENTIAL));
        answer(page, GOOD_PASSWORD, GOOD_PASSWORD);

        assertEquals(400, answer(page, GOOD_PASSWORD, GOOD_PASSWORD).statusCode());
    }

    @Test
    void the_reset_ends_the_persona_s_sessions_so_their_access_tokens_die() {
        Flows.Tokens tokens = Flows.signIn(simulator, AuthorizeParams.validFor(TestClients.CONFIDENTIAL));

        reportAuthorizationFraud();

        HttpResponse<String> userinfo =
                Http.get(simulator.endpoints().userinfo(), "Authorization", "Bearer " + tokens.accessToken());
        assertEquals(401, userinfo.statusCode());
    }

    @Test
    void identity_fraud_asks_for_nothing() {
        assertEquals(
                202,
                PartnerEventBuilder.of(simulator, "verified", PartnerEventBuilder.IDENTITY_FRAUD)
                        .send()
                        .statusCode());

        assertNotNull(Flows.code(simulator, AuthorizeParams.validFor(TestClients.CONFIDENTIAL)));
    }

    @Test
    void resetting_the_personas_forgets_the_reset() {
        reportAuthorizationFraud();

        simulator.resetPersonas();

        assertFalse(simulator.passwordResetRequired("verified"));
    }
}
