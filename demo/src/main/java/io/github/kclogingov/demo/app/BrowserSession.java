package io.github.kclogingov.demo.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One browser's state in the application, kept server-side: the authorization requests it has
 * started and not finished, and the sign-in it ended with.
 */
final class BrowserSession {
    /** Long enough to pick a persona and read the simulator's pages; short enough that old states die. */
    static final Duration PENDING_LIFETIME = Duration.ofMinutes(15);
    /** A few tabs or back-button retries; more is someone pressing buttons in a loop. */
    static final int MAX_PENDING = 10;

    private final Map<String, PendingSignIn> pendingByState = new LinkedHashMap<>();
    private SignedIn signedIn;
    /** Keycloak's refresh token of the sign-in, replaced at each check ({@link KeycloakClient#stillSignedIn}). */
    private String refreshToken;
    /** Why the last request for a level, made while signed in, did not raise the sign-in; shown once. */
    private String notice;

    synchronized void addPending(PendingSignIn signIn) {
        pendingByState.put(signIn.state(), signIn);
        Iterator<String> oldest = pendingByState.keySet().iterator();
        while (pendingByState.size() > MAX_PENDING) {
            oldest.next();
            oldest.remove();
        }
    }

    /** The request this {@code state} belongs to, used once: a replayed callback finds nothing. */
    synchronized Optional<PendingSignIn> takePending(String state, Instant now) {
        PendingSignIn signIn = state == null ? null : pendingByState.remove(state);
        if (signIn == null || signIn.startedAt().plus(PENDING_LIFETIME).isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(signIn);
    }

    synchronized Optional<SignedIn> signedIn() {
        return Optional.ofNullable(signedIn);
    }

    synchronized void signIn(SignedIn result, String newRefreshToken) {
        signedIn = result;
        refreshToken = newRefreshToken;
    }

    synchronized Optional<String> refreshToken() {
        return Optional.ofNullable(refreshToken);
    }

    synchronized void refreshed(String newRefreshToken) {
        if (newRefreshToken != null) {
            refreshToken = newRefreshToken;
        }
    }

    /** Keeps why a request made while signed in did not change the sign-in, for the next page. */
    synchronized void notice(String text) {
        notice = text;
    }

    /** The kept notice, once. */
    synchronized Optional<String> takeNotice() {
        String text = notice;
        notice = null;
        return Optional.ofNullable(text);
    }

    synchronized Optional<SignedIn> signOut() {
        SignedIn previous = signedIn;
        signedIn = null;
        refreshToken = null;
        return Optional.ofNullable(previous);
    }
}
