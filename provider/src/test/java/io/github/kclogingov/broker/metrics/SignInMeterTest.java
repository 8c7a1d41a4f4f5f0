package io.github.kclogingov.broker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.protocol.AuthenticationAssurance;
import io.github.kclogingov.protocol.IdentityAssurance;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignInMeterTest {

    private SimpleMeterRegistry meters;

    @BeforeEach
    void addRegistry() {
        meters = TestMeters.install();
    }

    @AfterEach
    void removeRegistry() {
        TestMeters.remove(meters);
    }

    private static Map<String, String> tags(Meter meter) {
        return meter.getId().getTags().stream().collect(Collectors.toMap(Tag::getKey, Tag::getValue));
    }

    @Test
    void a_success_names_the_levels_asked_and_achieved_and_no_reason() {
        SignInMeter.succeeded(
                "agency",
                "logingov",
                LevelTags.of(IdentityAssurance.VERIFIED, null),
                LevelTags.of(IdentityAssurance.VERIFIED, AuthenticationAssurance.PHISHING_RESISTANT));

        Counter counter = meters.find(SignInMeter.NAME).counter();
        assertEquals(1, counter.count());
        assertEquals(
                Map.of(
                        "realm", "agency",
                        "alias", "logingov",
                        "outcome", "success",
                        "reason", "none",
                        "ial_asked", "verified",
                        "aal_asked", "default",
                        "ial_achieved", "verified",
                        "aal_achieved", "phishing-resistant"),
                tags(counter));
    }

    @Test
    void a_failure_is_counted_by_its_code_with_no_level_achieved() {
        LevelTags asked =
                LevelTags.of(IdentityAssurance.VERIFIED_FACIAL_MATCH_REQUIRED, AuthenticationAssurance.PIV_CAC);
        SignInMeter.failed("agency", "logingov", SignInMeter.Outcome.REFUSED, FailureCode.NONCE_MISMATCH, asked);
        SignInMeter.failed("agency", "logingov", SignInMeter.Outcome.REFUSED, FailureCode.NONCE_MISMATCH, asked);
        SignInMeter.failed("agency", "logingov", SignInMeter.Outcome.UNAVAILABLE, FailureCode.TIMEOUT, LevelTags.NONE);

        Counter refused =
                meters.find(SignInMeter.NAME).tag("outcome", "refused").counter();
        assertEquals(2, refused.count());
        assertEquals("nonce_mismatch", refused.getId().getTag("reason"));
        assertEquals("verified-facial-match-required", refused.getId().getTag("ial_asked"));
        assertEquals("piv-cac", refused.getId().getTag("aal_asked"));
        assertEquals("none", refused.getId().getTag("ial_achieved"));

        Counter unavailable =
                meters.find(SignInMeter.NAME).tag("outcome", "unavailable").counter();
        assertEquals(1, unavailable.count());
        assertEquals("timeout", unavailable.getId().getTag("reason"));
        assertEquals("none", unavailable.getId().getTag("ial_asked"));
    }

    @Test
    void a_cancel_is_its_own_outcome() {
        SignInMeter.cancelled("agency", "logingov", LevelTags.of(IdentityAssurance.AUTH_ONLY, null));

        Counter counter = meters.find(SignInMeter.NAME).counter();
        assertEquals("cancelled", counter.getId().getTag("outcome"));
        assertEquals("auth-only", counter.getId().getTag("ial_asked"));
    }
}
