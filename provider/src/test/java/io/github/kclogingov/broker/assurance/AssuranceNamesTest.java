package io.github.kclogingov.broker.assurance;

import static io.github.kclogingov.protocol.AcrValuesTest.AUTH_ONLY;
import static io.github.kclogingov.protocol.AcrValuesTest.FACIAL_MATCH_PREFERRED;
import static io.github.kclogingov.protocol.AcrValuesTest.FACIAL_MATCH_REQUIRED;
import static io.github.kclogingov.protocol.AcrValuesTest.LEGACY_IAL2;
import static io.github.kclogingov.protocol.AcrValuesTest.PHISHING_RESISTANT;
import static io.github.kclogingov.protocol.AcrValuesTest.PIV_CAC;
import static io.github.kclogingov.protocol.AcrValuesTest.VERIFIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.IdentityAssurance;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AssuranceNamesTest {

    static String parameterFor(AssuranceNames names, String name) {
        return names.levelFor(name).map(AcrValues::toParameter).orElse(null);
    }

    @Nested
    class BuiltIn {
        @Test
        void each_built_in_name_stands_for_its_semantic_values() {
            AssuranceNames names = AssuranceNames.builtInOnly();
            assertEquals(AUTH_ONLY, parameterFor(names, "auth-only"));
            assertEquals(AUTH_ONLY + " " + PHISHING_RESISTANT, parameterFor(names, "phishing-resistant"));
            assertEquals(AUTH_ONLY + " " + PIV_CAC, parameterFor(names, "piv-cac"));
            assertEquals(VERIFIED, parameterFor(names, "verified"));
            assertEquals(VERIFIED + " " + PHISHING_RESISTANT, parameterFor(names, "verified-phishing-resistant"));
            assertEquals(VERIFIED + " " + PIV_CAC, parameterFor(names, "verified-piv-cac"));
            assertEquals(FACIAL_MATCH_REQUIRED, parameterFor(names, "verified-facial-match"));
            assertEquals(FACIAL_MATCH_PREFERRED, parameterFor(names, "verified-facial-match-preferred"));
        }

        @Test
        void built_in_names_are_listed_weakest_identity_first() {
            assertEquals(
                    List.of(
                            "auth-only",
                            "phishing-resistant",
                            "piv-cac",
                            "verified",
                            "verified-phishing-resistant",
                            "verified-piv-cac",
                            "verified-facial-match",
                            "verified-facial-match-preferred"),
                    List.copyOf(AssuranceNames.BUILT_IN.keySet()));
        }

        @Test
        void a_name_that_is_acr_values_stands_for_those_values() {
            AssuranceNames names = AssuranceNames.builtInOnly();
            assertEquals(
                    Optional.of(IdentityAssurance.VERIFIED),
                    names.levelFor(VERIFIED).map(AcrValues::ial));
            assertEquals(LEGACY_IAL2 + " " + PIV_CAC, parameterFor(names, LEGACY_IAL2 + " " + PIV_CAC));
        }

        @Test
        void any_other_name_is_not_a_login_gov_level() {
            AssuranceNames names = AssuranceNames.builtInOnly();
            assertEquals(Optional.empty(), names.levelFor("gold"));
            assertEquals(Optional.empty(), names.levelFor("Verified"));
            assertEquals(Optional.empty(), names.levelFor(""));
            assertEquals(Optional.empty(), names.levelFor(null));
            assertEquals(Optional.empty(), names.levelFor(PIV_CAC));
            assertEquals(Optional.empty(), names.levelFor(VERIFIED + " gold"));
        }
    }

    @Nested
    class Custom {
        @Test
        void a_custom_name_is_resolved_and_kept_in_order() throws Exception {
            Map<String, String> configured = new LinkedHashMap<>();
            configured.put("gold", VERIFIED + " " + PIV_CAC);
            configured.put("bronze", AUTH_ONLY);
            AssuranceNames names = AssuranceNames.withCustom(configured);
            assertEquals(VERIFIED + " " + PIV_CAC, parameterFor(names, "gold"));
            assertEquals(List.of("gold", "bronze"), List.copyOf(names.custom().keySet()));
            assertEquals(VERIFIED, parameterFor(names, "verified"));
        }

        @Test
        void a_custom_name_wins_over_a_built_in_one() throws Exception {
            AssuranceNames names = AssuranceNames.withCustom(Map.of("verified", LEGACY_IAL2));
            assertEquals(LEGACY_IAL2, parameterFor(names, "verified"));
        }

        @Test
        void custom_names_do_not_change_the_built_in_ones() throws Exception {
            AssuranceNames.withCustom(Map.of("verified", LEGACY_IAL2));
            assertEquals(
                    VERIFIED,
                    AssuranceNames.builtInOnly()
                            .levelFor("verified")
                            .orElseThrow()
                            .toParameter());
        }

        @Test
        void a_blank_name_is_refused() {
            Map<String, String> configured = new HashMap<>();
            configured.put(" ", VERIFIED);
            var e = assertThrows(
                    AcrValues.InvalidAcrValuesException.class, () -> AssuranceNames.withCustom(configured));
            assertTrue(e.getMessage().contains("must not be empty"), e.getMessage());
            configured.clear();
            configured.put(null, VERIFIED);
            assertThrows(AcrValues.InvalidAcrValuesException.class, () -> AssuranceNames.withCustom(configured));
        }

        @Test
        void bad_values_are_refused_naming_the_entry() {
            var unknown = assertThrows(
                    AcrValues.InvalidAcrValuesException.class,
                    () -> AssuranceNames.withCustom(Map.of("gold", "urn:acr.login.gov:verifed")));
            assertTrue(unknown.getMessage().startsWith("Level 'gold': "), unknown.getMessage());
            assertTrue(unknown.getMessage().contains("urn:acr.login.gov:verifed"), unknown.getMessage());

            var aalAlone = assertThrows(
                    AcrValues.InvalidAcrValuesException.class,
                    () -> AssuranceNames.withCustom(Map.of("strong", PIV_CAC)));
            assertTrue(aalAlone.getMessage().startsWith("Level 'strong': "), aalAlone.getMessage());
            assertTrue(aalAlone.getMessage().contains("needs an IAL"), aalAlone.getMessage());

            var twoIals = assertThrows(
                    AcrValues.InvalidAcrValuesException.class,
                    () -> AssuranceNames.withCustom(Map.of("both", AUTH_ONLY + " " + VERIFIED)));
            assertTrue(twoIals.getMessage().startsWith("Level 'both': "), twoIals.getMessage());

            var empty = assertThrows(
                    AcrValues.InvalidAcrValuesException.class, () -> AssuranceNames.withCustom(Map.of("nothing", "")));
            assertEquals("Level 'nothing': " + AcrValues.MISSING_IAL, empty.getMessage());
        }
    }
}
