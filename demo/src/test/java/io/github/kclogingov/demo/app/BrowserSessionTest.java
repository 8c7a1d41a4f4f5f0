package io.github.kclogingov.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BrowserSessionTest {
    private final Instant now = Instant.parse("2026-01-01T12:00:00Z");
    private final BrowserSession session = new BrowserSession();

    @Test
    void the_state_of_a_request_it_started_finds_that_request() {
        PendingSignIn signIn = PendingSignIn.start("verified", now);
        session.addPending(signIn);
        assertEquals(
                signIn, session.takePending(signIn.state(), now.plusSeconds(30)).orElseThrow());
    }

    @Test
    void a_state_is_used_once() {
        PendingSignIn signIn = PendingSignIn.start(null, now);
        session.addPending(signIn);
        session.takePending(signIn.state(), now);
        assertTrue(session.takePending(signIn.state(), now).isEmpty());
    }

    @Test
    void an_unknown_or_missing_state_finds_nothing() {
        session.addPending(PendingSignIn.start(null, now));
        assertTrue(session.takePending("forged", now).isEmpty());
        assertTrue(session.takePending(null, now).isEmpty());
    }

    @Test
    void an_old_state_finds_nothing() {
        PendingSignIn signIn = PendingSignIn.start(null, now);
        session.addPending(signIn);
        assertTrue(session.takePending(
                        signIn.state(),
                        now.plus(BrowserSession.PENDING_LIFETIME).plusSeconds(1))
                .isEmpty());
    }

    @Test
    void only_the_newest_requests_are_kept() {
        PendingSignIn first = PendingSignIn.start(null, now);
        session.addPending(first);
        for (int i = 0; i < BrowserSession.MAX_PENDING; i++) {
            session.addPending(PendingSignIn.start(null, now));
        }
        assertTrue(session.takePending(first.state(), now).isEmpty());
    }
}
