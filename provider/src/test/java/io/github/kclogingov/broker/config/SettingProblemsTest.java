package io.github.kclogingov.broker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SettingProblemsTest {

    @Test
    void no_problem_is_no_refusal() {
        new SettingProblems().throwIfAny();
    }

    @Test
    void one_problem_is_named_by_its_field() {
        SettingProblems problems = new SettingProblems();
        problems.add(ConfigKeys.CLIENT_ID, "The client ID is required.");
        InvalidSettingsException refusal = assertThrows(InvalidSettingsException.class, problems::throwIfAny);
        assertEquals("Client ID: The client ID is required.", refusal.getMessage());
    }

    @Test
    void several_problems_are_numbered_in_one_refusal_in_the_order_found() {
        SettingProblems problems = new SettingProblems();
        problems.add(ConfigKeys.CLIENT_ID, "required.");
        problems.add(ConfigKeys.ID_TOKEN_MAX_AGE, "too long.");
        InvalidSettingsException refusal = assertThrows(InvalidSettingsException.class, problems::throwIfAny);
        assertEquals(
                "2 Login.gov settings need a change: (1) Client ID: required. (2) id_token maximum age (seconds): too long.",
                refusal.getMessage());
    }

    @Test
    void a_check_that_refuses_is_recorded_and_the_next_still_runs() {
        SettingProblems problems = new SettingProblems();
        problems.check(ConfigKeys.AAL, () -> {
            throw new InvalidSettingsException("no.");
        });
        problems.check(ConfigKeys.IAL, () -> {});
        assertTrue(problems.concern(ConfigKeys.AAL));
        assertFalse(problems.concern(ConfigKeys.IAL));
    }
}
