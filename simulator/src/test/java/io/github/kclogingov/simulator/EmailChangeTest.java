package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A person changing, at Login.gov, the email address they share with the agency. */
class EmailChangeTest {
    private static final String ORIGINAL = "jordan.verified@example.com";
    private static final String OTHER = "jordan.v@example.org";
    private static final String NEW = "jordan.new@example.net";

    private LoginGovSimulator simulator;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
    }

    private Flows.Tokens signIn() {
        return Flows.signIn(
                simulator, AuthorizeParams.validFor(TestClients.CONFIDENTIAL).scope("openid email all_emails"));
    }

    @Test
    void id_token_and_userinfo_carry_the_new_email_first_in_all_emails_and_the_same_sub() {
        String subBefore = signIn().claims().getSubject();
        simulator.changeEmail("verified", NEW);

        Flows.Tokens tokens = signIn();
        Map<String, Object> userinfo = Flows.userinfo(simulator, tokens.accessToken());
        assertEquals(NEW, tokens.claim("email"));
        assertEquals(List.of(NEW, ORIGINAL, OTHER), tokens.claim("all_emails"));
        assertEquals(NEW, userinfo.get("email"));
        assertEquals(List.of(NEW, ORIGINAL, OTHER), userinfo.get("all_emails"));
        assertEquals(subBefore, tokens.claims().getSubject());
        assertEquals(subBefore, userinfo.get("sub"));
        assertEquals(simulator.subjectOf("verified", TestClients.CONFIDENTIAL), subBefore);
    }

    @Test
    void tokens_issued_before_the_change_answer_with_the_new_email_as_production_does() {
        String accessToken = signIn().accessToken();
        // After that sign-in: a newer sign-in of the persona at the client replaces its unused code.
        String code = Flows.code(
                simulator, AuthorizeParams.validFor(TestClients.CONFIDENTIAL).scope("openid email"));
        simulator.changeEmail("verified", NEW);

        assertEquals(NEW, Flows.userinfo(simulator, accessToken).get("email"));
        var redeemed = Flows.token(simulator, Flows.tokenForm(simulator, TestClients.CONFIDENTIAL, code));
        assertEquals(200, redeemed.statusCode(), redeemed::body);
        assertEquals(NEW, Flows.Tokens.of(Http.json(redeemed), code).claim("email"));
    }

    @Test
    void an_address_already_on_the_account_moves_first_and_is_not_listed_twice() {
        simulator.changeEmail("verified", "Jordan.V@Example.org");
        Flows.Tokens tokens = signIn();
        assertEquals("Jordan.V@Example.org", tokens.claim("email"));
        assertEquals(List.of("Jordan.V@Example.org", ORIGINAL), tokens.claim("all_emails"));
    }

    @Test
    void only_the_changed_persona_changes() {
        simulator.changeEmail("verified", NEW);
        simulator.setAutoPersona("auth-only");
        Flows.Tokens tokens = signIn();
        assertEquals("casey.authonly@example.com", tokens.claim("email"));
        assertEquals(List.of("casey.authonly@example.com", "casey.second@example.org"), tokens.claim("all_emails"));
    }

    @Test
    void reset_personas_restores_the_configured_addresses() {
        simulator.changeEmail("verified", NEW);
        simulator.changeEmail("verified", "jordan.third@example.net");
        simulator.resetPersonas();

        Flows.Tokens tokens = signIn();
        assertEquals(ORIGINAL, tokens.claim("email"));
        assertEquals(List.of(ORIGINAL, OTHER), tokens.claim("all_emails"));
        assertEquals(ORIGINAL, Flows.userinfo(simulator, tokens.accessToken()).get("email"));
        assertEquals(Persona.defaults(), simulator.personas());
    }

    @Test
    void personas_lists_the_changed_persona() {
        simulator.changeEmail("verified", NEW);
        Persona changed = simulator.personas().stream()
                .filter(p -> p.id().equals("verified"))
                .findFirst()
                .orElseThrow();
        assertEquals(NEW, changed.email());
        assertEquals(List.of(NEW, ORIGINAL, OTHER), changed.allEmails());
    }

    @Test
    void unknown_persona_and_blank_address_are_refused() {
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> simulator.changeEmail("nobody", NEW));
        assertTrue(unknown.getMessage().contains("No persona nobody"), unknown::getMessage);
        assertTrue(unknown.getMessage().contains("verified"), unknown::getMessage);
        assertThrows(IllegalArgumentException.class, () -> simulator.changeEmail(null, NEW));
        assertThrows(IllegalArgumentException.class, () -> simulator.changeEmail("verified", " "));
        assertThrows(IllegalArgumentException.class, () -> simulator.changeEmail("verified", null));
        assertEquals(ORIGINAL, signIn().claim("email"), "a refused change changes nothing");
    }
}
