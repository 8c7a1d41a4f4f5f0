package io.github.kclogingov.broker.assurance;

import static io.github.kclogingov.protocol.AcrValuesTest.AAL2;
import static io.github.kclogingov.protocol.AcrValuesTest.AUTH_ONLY;
import static io.github.kclogingov.protocol.AcrValuesTest.DEFAULT_AAL;
import static io.github.kclogingov.protocol.AcrValuesTest.FACIAL_MATCH_PREFERRED;
import static io.github.kclogingov.protocol.AcrValuesTest.FACIAL_MATCH_REQUIRED;
import static io.github.kclogingov.protocol.AcrValuesTest.LEGACY_IAL1;
import static io.github.kclogingov.protocol.AcrValuesTest.LEGACY_IAL2;
import static io.github.kclogingov.protocol.AcrValuesTest.PHISHING_RESISTANT;
import static io.github.kclogingov.protocol.AcrValuesTest.PIV_CAC;
import static io.github.kclogingov.protocol.AcrValuesTest.VERIFIED;
import static io.github.kclogingov.protocol.AcrValuesTest.acr;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.AuthenticationAssurance;
import io.github.kclogingov.protocol.IdentityAssurance;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Tests how long a recorded Login.gov assertion may serve single sign-on, per axis. */
class AssertionFreshnessTest {

    static final long ASSERTED_AT = 1_700_000_000L;

    static final Duration IAL_MAX_AGE = Duration.ofHours(12);

    static final Duration AAL_MAX_AGE = Duration.ofMinutes(15);

    static final AssertionFreshness FRESHNESS = new AssertionFreshness(IAL_MAX_AGE, AAL_MAX_AGE);

    static final String IAL_STALE = "its verified identity was asserted more than 43200 s ago";

    static final String AAL_STALE = "its authentication level was asserted more than 900 s ago";

    /** The strongest level Login.gov asserts, so that it meets every request these tests make. */
    static final RecordedAssertion STRONGEST = new RecordedAssertion(
            new AssertedLevel(
                    IdentityAssurance.VERIFIED_FACIAL_MATCH_REQUIRED,
                    FACIAL_MATCH_REQUIRED,
                    AuthenticationAssurance.PIV_CAC,
                    PIV_CAC),
            "logingov",
            ASSERTED_AT);

    static Instant after(Duration elapsed) {
        return Instant.ofEpochSecond(ASSERTED_AT).plus(elapsed);
    }

    static Optional<String> stale(String needed, Duration elapsed) {
        return FRESHNESS.staleAxis(STRONGEST, acr(needed), after(elapsed));
    }

    @Test
    void the_levels_an_assertion_can_still_serve_are_those_with_no_stale_axis() {
        var reusable = FRESHNESS.reusable(STRONGEST, after(Duration.ofHours(1)));
        assertEquals(true, reusable.test(acr(VERIFIED)), "a verified identity asserted an hour ago");
        assertEquals(false, reusable.test(acr(AUTH_ONLY + " " + PIV_CAC)), "a PIV/CAC authentication an hour ago");
        assertEquals(true, reusable.test(acr(AUTH_ONLY)), "a level that needs neither axis");
    }

    @Nested
    class TheIdentityAxis {
        @Test
        void a_verified_need_is_served_until_the_limit() {
            assertEquals(Optional.empty(), stale(VERIFIED, Duration.ZERO));
            assertEquals(Optional.empty(), stale(VERIFIED, IAL_MAX_AGE.minusSeconds(1)));
        }

        @Test
        void exactly_at_the_limit_is_still_fresh() {
            assertEquals(Optional.empty(), stale(VERIFIED, IAL_MAX_AGE));
        }

        @Test
        void a_verified_need_is_stale_one_second_past_the_limit() {
            assertEquals(Optional.of(IAL_STALE), stale(VERIFIED, IAL_MAX_AGE.plusSeconds(1)));
        }

        @Test
        void every_verified_need_counts() {
            for (String verified : new String[] {FACIAL_MATCH_REQUIRED, FACIAL_MATCH_PREFERRED, LEGACY_IAL2}) {
                assertEquals(Optional.of(IAL_STALE), stale(verified, IAL_MAX_AGE.plusSeconds(1)), verified);
                assertEquals(Optional.empty(), stale(verified, IAL_MAX_AGE), verified);
            }
        }

        @Test
        void an_auth_only_need_is_never_stale_on_this_axis() {
            assertEquals(Optional.empty(), stale(AUTH_ONLY, IAL_MAX_AGE.plusSeconds(1)));
            assertEquals(Optional.empty(), stale(LEGACY_IAL1, IAL_MAX_AGE.plusSeconds(1)));
        }
    }

    @Nested
    class TheAuthenticationAxis {
        @Test
        void an_aal_above_the_default_is_served_until_the_limit() {
            assertEquals(Optional.empty(), stale(AUTH_ONLY + " " + AAL2, AAL_MAX_AGE.minusSeconds(1)));
        }

        @Test
        void exactly_at_the_limit_is_still_fresh() {
            assertEquals(Optional.empty(), stale(AUTH_ONLY + " " + AAL2, AAL_MAX_AGE));
        }

        @Test
        void an_aal_above_the_default_is_stale_one_second_past_the_limit() {
            for (String aal : new String[] {AAL2, PHISHING_RESISTANT, PIV_CAC}) {
                assertEquals(Optional.of(AAL_STALE), stale(AUTH_ONLY + " " + aal, AAL_MAX_AGE.plusSeconds(1)), aal);
            }
        }

        @Test
        void the_default_aal_is_never_stale_on_this_axis() {
            assertEquals(Optional.empty(), stale(AUTH_ONLY, AAL_MAX_AGE.plusSeconds(1)));
            assertEquals(Optional.empty(), stale(AUTH_ONLY + " " + DEFAULT_AAL, AAL_MAX_AGE.plusSeconds(1)));
        }
    }

    @Nested
    class BothAxes {
        @Test
        void each_axis_has_its_own_limit() {
            String both = VERIFIED + " " + AAL2;
            assertEquals(Optional.empty(), stale(both, AAL_MAX_AGE));
            assertEquals(Optional.of(AAL_STALE), stale(both, AAL_MAX_AGE.plusSeconds(1)));
            assertEquals(Optional.of(AAL_STALE), stale(VERIFIED + " " + AAL2, IAL_MAX_AGE));
        }

        @Test
        void the_identity_is_named_first_when_both_are_stale() {
            assertEquals(Optional.of(IAL_STALE), stale(VERIFIED + " " + AAL2, IAL_MAX_AGE.plusSeconds(1)));
        }

        @Test
        void a_verified_need_with_the_default_aal_follows_the_identity_limit_only() {
            assertEquals(Optional.empty(), stale(VERIFIED, AAL_MAX_AGE.plusSeconds(1)));
        }
    }

    @Nested
    class NeitherAxis {
        @Test
        void an_auth_only_default_aal_need_is_never_stale() {
            assertEquals(Optional.empty(), stale(AUTH_ONLY, Duration.ofDays(3650)));
            assertEquals(Optional.empty(), stale(AUTH_ONLY + " " + DEFAULT_AAL, Duration.ofDays(3650)));
        }

        @Test
        void even_with_zero_limits() {
            AssertionFreshness none = new AssertionFreshness(Duration.ZERO, Duration.ZERO);
            AcrValues needed = acr(AUTH_ONLY);
            assertEquals(Optional.empty(), none.staleAxis(STRONGEST, needed, after(Duration.ofDays(3650))));
        }
    }

    @Test
    void zero_limits_serve_only_the_second_of_the_assertion() {
        AssertionFreshness none = new AssertionFreshness(Duration.ZERO, Duration.ZERO);
        AcrValues needed = acr(VERIFIED + " " + AAL2);
        assertEquals(Optional.empty(), none.staleAxis(STRONGEST, needed, after(Duration.ZERO)));
        assertEquals(
                Optional.of("its verified identity was asserted more than 0 s ago"),
                none.staleAxis(STRONGEST, needed, after(Duration.ofSeconds(1))));
    }
}
