package io.github.kclogingov.protocol;

import static io.github.kclogingov.protocol.AuthenticationAssurance.AAL2;
import static io.github.kclogingov.protocol.AuthenticationAssurance.DEFAULT;
import static io.github.kclogingov.protocol.AuthenticationAssurance.PHISHING_RESISTANT;
import static io.github.kclogingov.protocol.AuthenticationAssurance.PIV_CAC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticationAssuranceTest {

    static final List<AuthenticationAssurance> WEAKEST_FIRST = List.of(DEFAULT, AAL2, PHISHING_RESISTANT, PIV_CAC);

    @Test
    void a_level_is_satisfied_by_itself_and_anything_stronger_only() {
        for (AuthenticationAssurance requested : WEAKEST_FIRST) {
            for (AuthenticationAssurance asserted : WEAKEST_FIRST) {
                boolean atLeast = WEAKEST_FIRST.indexOf(asserted) >= WEAKEST_FIRST.indexOf(requested);
                assertEquals(atLeast, requested.isSatisfiedBy(asserted), requested + " by " + asserted);
            }
        }
    }

    @Test
    void nothing_asserted_satisfies_no_level() {
        for (AuthenticationAssurance requested : WEAKEST_FIRST) {
            assertFalse(requested.isSatisfiedBy(null));
        }
    }

    @Test
    void the_stronger_of_two_levels_wins_either_way_round() {
        assertEquals(PHISHING_RESISTANT, AuthenticationAssurance.stronger(AAL2, PHISHING_RESISTANT));
        assertEquals(PHISHING_RESISTANT, AuthenticationAssurance.stronger(PHISHING_RESISTANT, AAL2));
        assertEquals(PIV_CAC, AuthenticationAssurance.stronger(PIV_CAC, PHISHING_RESISTANT));
        assertEquals(AAL2, AuthenticationAssurance.stronger(DEFAULT, AAL2));
        assertEquals(DEFAULT, AuthenticationAssurance.stronger(DEFAULT, DEFAULT));
    }

    @Test
    void no_level_loses_to_any_level() {
        assertEquals(DEFAULT, AuthenticationAssurance.stronger(null, DEFAULT));
        assertEquals(DEFAULT, AuthenticationAssurance.stronger(DEFAULT, null));
        assertNull(AuthenticationAssurance.stronger(null, null));
    }

    @Test
    void legacy_aliases_name_the_same_level() {
        assertEquals(
                Optional.of(PHISHING_RESISTANT),
                AuthenticationAssurance.fromValue("http://idmanagement.gov/ns/assurance/aal/3"));
        assertEquals(
                Optional.of(PIV_CAC),
                AuthenticationAssurance.fromValue("http://idmanagement.gov/ns/assurance/aal/3?hspd12=true"));
        assertTrue(PHISHING_RESISTANT.isLegacyAlias("http://idmanagement.gov/ns/assurance/aal/3"));
        assertFalse(PHISHING_RESISTANT.isLegacyAlias(PHISHING_RESISTANT.value()));
    }

    @Test
    void there_is_no_aal_1() {
        assertEquals(Optional.empty(), AuthenticationAssurance.fromValue("http://idmanagement.gov/ns/assurance/aal/1"));
        assertEquals(Optional.empty(), AuthenticationAssurance.fromValue(null));
    }
}
