package io.github.kclogingov.broker.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * {@code logingov_client_assertion_certificate_expiry_seconds}: per provider that signs client
 * assertions, the seconds until its key's certificate expires (negative once it has), tagged
 * {@code state=readable}; or {@code NaN} tagged {@code state=unreadable} when no certificate can be
 * read for the configured key (none with that kid, several, or one without a certificate). The
 * value is computed at each scrape from the expiry last read, so it never fails a scrape; the
 * expiry is read again at intervals ({@code CertificateExpiryRefresh}), which also removes the
 * gauges of providers that are gone.
 */
public final class CertificateExpiryGauges {

    static final String NAME = "logingov.client.assertion.certificate.expiry";

    /** A provider, as its gauge is tagged. */
    public record Provider(String realm, String alias) {}

    /** One registered gauge: the expiry it reports, or none for an unreadable certificate. */
    private record Registered(Optional<Instant> notAfter, Gauge gauge) {}

    private static final Map<Provider, Registered> GAUGES = new ConcurrentHashMap<>();

    private CertificateExpiryGauges() {}

    /** Whether {@code provider} has a gauge already. */
    public static boolean has(Provider provider) {
        return GAUGES.containsKey(provider);
    }

    /**
     * Sets what the gauge of {@code provider} reports: the certificate's {@code notAfter}, or empty
     * when it cannot be read. A change of state replaces the series; the same state keeps it.
     */
    public static synchronized void set(Provider provider, Optional<Instant> notAfter, Clock clock) {
        Registered current = GAUGES.get(provider);
        if (current != null && current.notAfter().equals(notAfter)) {
            return;
        }
        if (current != null) {
            Metrics.globalRegistry.remove(current.gauge());
        }
        Gauge gauge = Gauge.builder(NAME, () -> secondsLeft(notAfter, clock))
                .description("Seconds until the certificate of a Login.gov provider's client assertion key expires")
                .baseUnit("seconds")
                .tag(TagKeys.REALM, provider.realm())
                .tag(TagKeys.ALIAS, provider.alias())
                .tag("state", notAfter.isPresent() ? "readable" : "unreadable")
                .register(Metrics.globalRegistry);
        GAUGES.put(provider, new Registered(notAfter, gauge));
    }

    /** The providers of {@code realm} that have a gauge. */
    public static Set<Provider> providersOf(String realm) {
        return GAUGES.keySet().stream()
                .filter(provider -> provider.realm().equals(realm))
                .collect(Collectors.toSet());
    }

    /** Removes the gauges of every provider not in {@code existing}: deleted, renamed, or no longer signing. */
    public static synchronized void retainOnly(Set<Provider> existing) {
        GAUGES.keySet().removeIf(provider -> {
            if (existing.contains(provider)) {
                return false;
            }
            Metrics.globalRegistry.remove(GAUGES.get(provider).gauge());
            return true;
        });
    }

    private static double secondsLeft(Optional<Instant> notAfter, Clock clock) {
        return notAfter.map(expiry ->
                        (double) (expiry.getEpochSecond() - clock.instant().getEpochSecond()))
                .orElse(Double.NaN);
    }
}
