package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.LoginGovProtocol;
import java.time.Duration;
import java.util.Objects;

/**
 * The per-IP throttle identity-idp's {@code rack_attack.rb} applies to every request ({@code req/ip}):
 * at most {@code limit} requests from one address in each {@code period}, counted in fixed windows.
 *
 * @param enabled false: every request is answered, however many
 */
public record ThrottleSettings(boolean enabled, int limit, Duration period) {

    public ThrottleSettings {
        Objects.requireNonNull(period, "period");
        if (limit < 1) {
            throw new IllegalArgumentException("The throttle limit must be at least 1, not " + limit);
        }
        if (period.getSeconds() < 1) {
            throw new IllegalArgumentException("The throttle period must be at least one second, not " + period);
        }
    }

    /** identity-idp's public default: 300 requests per 300 seconds per IP (production's are private). */
    public static ThrottleSettings loginGovDefault() {
        return of(LoginGovProtocol.REQUESTS_PER_IP_LIMIT, LoginGovProtocol.REQUESTS_PER_IP_PERIOD);
    }

    public static ThrottleSettings of(int limit, Duration period) {
        return new ThrottleSettings(true, limit, period);
    }

    /** No throttle: for the demo, benchmarks and a test suite whose every call comes from one address. */
    public static ThrottleSettings off() {
        ThrottleSettings defaults = loginGovDefault();
        return new ThrottleSettings(false, defaults.limit(), defaults.period());
    }
}
