package io.github.kclogingov.broker.signin;

import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.signin.LoginGovUnavailableException.Endpoint;
import java.time.Duration;
import java.time.Instant;

/**
 * Login.gov answered HTTP 429 (Too Many Requests): identity-idp throttles per client IP address, and
 * every back-channel call of this Keycloak comes from the same address, so the whole provider waits
 * ({@link LoginGovThrottle}) for the time its {@code Retry-After} asks ({@link RetryAfter}). The
 * person is told that Login.gov is busy ({@link #MESSAGE_KEY}); the reason names the endpoint, the
 * status and the wait. Never retried: a retry is one more request against the limit.
 */
public final class LoginGovBusyException extends LoginGovUnavailableException {

    /** The login page's message: Login.gov is busy, try again in a minute or sign in another way. */
    public static final String MESSAGE_KEY = "logingovBusy";

    private final Endpoint endpoint;
    private final Duration wait;

    private LoginGovBusyException(Endpoint endpoint, Duration wait) {
        super(
                FailureCode.THROTTLED,
                "Login.gov is busy: its " + endpoint + " answered HTTP 429 (Too Many Requests); sign-ins through it"
                        + " wait " + wait.toSeconds() + " s (Retry-After)");
        this.endpoint = endpoint;
        this.wait = wait;
    }

    /** From the answer's {@code Retry-After} header (null when it sent none), read at {@code now}. */
    static LoginGovBusyException of(Endpoint endpoint, String retryAfter, Instant now) {
        return new LoginGovBusyException(endpoint, RetryAfter.of(retryAfter, now));
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** How long, from the answer, new sign-ins through the provider leave Login.gov alone. */
    public Duration waitTime() {
        return wait;
    }
}
