package io.github.kclogingov.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AcrValuesTest {

    static final String AUTH_ONLY = "urn:acr.login.gov:auth-only";
    static final String VERIFIED = "urn:acr.login.gov:verified";
    static final String AAL2 = "http://idmanagement.gov/ns/assurance/aal/2";

    @Nested
    class Parsing {
        @Test
        void one_ial_value_alone_is_accepted() throws Exception {
            AcrValues acr = AcrValues.parse(VERIFIED);
            assertEquals(IdentityAssurance.VERIFIED, acr.ial());
            assertNull(acr.aal());
            assertEquals(AcrForm.SEMANTIC, acr.form());
        }

        @Test
        void ial_and_aal_in_any_order_are_accepted() throws Exception {
            AcrValues acr = AcrValues.parse(AAL2 + "  " + AUTH_ONLY);
            assertEquals(IdentityAssurance.AUTH_ONLY, acr.ial());
            assertEquals(AuthenticationAssurance.AAL2, acr.aal());
            assertEquals(AUTH_ONLY + " " + AAL2, acr.toParameter());
        }

        @Test
        void unknown_values_are_dropped_as_production_does() throws Exception {
            AcrValues acr = AcrValues.parse("gold " + AUTH_ONLY + " http://idmanagement.gov/ns/assurance/aal/1");
            assertEquals(IdentityAssurance.AUTH_ONLY, acr.ial());
            assertNull(acr.aal());
        }

        @Test
        void aal_alone_is_missing_a_valid_ial_level() {
            var e = assertThrows(AcrValues.InvalidAcrValuesException.class, () -> AcrValues.parse(AAL2));
            assertEquals(AcrValues.MISSING_IAL, e.getMessage());
        }

        @Test
        void nothing_is_missing_a_valid_ial_level() {
            assertThrows(AcrValues.InvalidAcrValuesException.class, () -> AcrValues.parse(null));
            assertThrows(AcrValues.InvalidAcrValuesException.class, () -> AcrValues.parse("  "));
        }

        @Test
        void two_ial_values_are_refused() {
            assertThrows(AcrValues.InvalidAcrValuesException.class, () -> AcrValues.parse(AUTH_ONLY + " " + VERIFIED));
        }

        @Test
        void two_aal_values_are_refused() {
            assertThrows(AcrValues.InvalidAcrValuesException.class,
                    () -> AcrValues.parse(AUTH_ONLY + " " + AAL2 + " " + AuthenticationAssurance.PIV_CAC.value()));
        }

        @Test
        void legacy_values_keep_their_spelling_and_form() throws Exception {
            AcrValues acr = AcrValues.parse("http://idmanagement.gov/ns/assurance/loa/3 http://idmanagement.gov/ns/assurance/aal/3");
            assertEquals(IdentityAssurance.VERIFIED, acr.ial());
            assertEquals(AuthenticationAssurance.PHISHING_RESISTANT, acr.aal());
            assertEquals(AcrForm.LEGACY, acr.form());
            assertEquals("http://idmanagement.gov/ns/assurance/loa/3 http://idmanagement.gov/ns/assurance/aal/3", acr.toParameter());
        }
    }

    @Nested
    class Building {
        @Test
        void semantic_form_uses_the_urn() {
            assertEquals(VERIFIED + " " + AAL2,
                    AcrValues.of(IdentityAssurance.VERIFIED, AuthenticationAssurance.AAL2, AcrForm.SEMANTIC).toParameter());
        }

        @Test
        void ialmax_has_only_a_legacy_form() {
            assertEquals("http://idmanagement.gov/ns/assurance/ial/0",
                    AcrValues.of(IdentityAssurance.IALMAX, null, AcrForm.SEMANTIC).toParameter());
        }
    }
}
