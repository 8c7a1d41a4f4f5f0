package io.github.kclogingov.broker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.broker.metrics.CertificateExpiryGauges.Provider;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CertificateExpiryGaugesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private SimpleMeterRegistry meters;
    private final Provider sandbox = new Provider("agency", "logingov-sandbox-" + System.nanoTime());
    private final Provider production = new Provider("agency", "logingov-" + System.nanoTime());

    @BeforeEach
    void addRegistry() {
        meters = TestMeters.install();
    }

    @AfterEach
    void removeRegistry() {
        CertificateExpiryGauges.retainOnly(Set.of());
        TestMeters.remove(meters);
    }

    private Collection<Gauge> gauges(Provider provider) {
        return meters.find(CertificateExpiryGauges.NAME)
                .tag("realm", provider.realm())
                .tag("alias", provider.alias())
                .gauges();
    }

    private Gauge only(Provider provider) {
        Collection<Gauge> gauges = gauges(provider);
        assertEquals(1, gauges.size(), () -> "one series for " + provider + ": " + gauges);
        return gauges.iterator().next();
    }

    @Test
    void a_readable_certificate_shows_the_seconds_until_it_expires() {
        CertificateExpiryGauges.set(sandbox, Optional.of(NOW.plus(Duration.ofDays(29))), CLOCK);

        Gauge gauge = only(sandbox);
        assertEquals("readable", gauge.getId().getTag("state"));
        assertEquals(Duration.ofDays(29).toSeconds(), gauge.value());
        assertEquals("seconds", gauge.getId().getBaseUnit());
    }

    @Test
    void an_expired_certificate_shows_a_negative_value() {
        CertificateExpiryGauges.set(sandbox, Optional.of(NOW.minusSeconds(60)), CLOCK);

        assertEquals(-60, only(sandbox).value());
    }

    @Test
    void an_unreadable_certificate_is_a_series_of_its_own_with_no_number() {
        CertificateExpiryGauges.set(sandbox, Optional.empty(), CLOCK);

        Gauge gauge = only(sandbox);
        assertEquals("unreadable", gauge.getId().getTag("state"));
        assertTrue(Double.isNaN(gauge.value()));
    }

    @Test
    void a_change_of_state_replaces_the_series_and_the_same_state_keeps_it() {
        CertificateExpiryGauges.set(sandbox, Optional.of(NOW.plus(Duration.ofDays(90))), CLOCK);
        CertificateExpiryGauges.set(sandbox, Optional.empty(), CLOCK);
        assertEquals("unreadable", only(sandbox).getId().getTag("state"));

        CertificateExpiryGauges.set(sandbox, Optional.of(NOW.plus(Duration.ofDays(400))), CLOCK);
        CertificateExpiryGauges.set(sandbox, Optional.of(NOW.plus(Duration.ofDays(365))), CLOCK);
        Gauge gauge = only(sandbox);
        assertEquals("readable", gauge.getId().getTag("state"));
        assertEquals(Duration.ofDays(365).toSeconds(), gauge.value(), "a rotated certificate's expiry");
    }

    @Test
    void providers_that_are_gone_lose_their_gauge_and_the_others_keep_theirs() {
        CertificateExpiryGauges.set(sandbox, Optional.of(NOW.plus(Duration.ofDays(90))), CLOCK);
        CertificateExpiryGauges.set(production, Optional.empty(), CLOCK);

        assertEquals(Set.of(sandbox, production), CertificateExpiryGauges.providersOf("agency"));
        CertificateExpiryGauges.retainOnly(Set.of(production));

        assertTrue(gauges(sandbox).isEmpty());
        assertFalse(CertificateExpiryGauges.has(sandbox));
        assertEquals("unreadable", only(production).getId().getTag("state"));
    }
}
