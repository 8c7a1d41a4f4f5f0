package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The recorder keeps the exact token strings issued, so tests can look for them where they must not be. */
class IssuedTokensTest {
    private LoginGovSimulator simulator;

    @BeforeEach
    void reset() {
        simulator = SharedSimulator.reset();
    }

    @Test
    void each_successful_token_request_records_the_access_token_and_id_token_answered() {
        Flows.Tokens first = Flows.signIn(simulator, AuthorizeParams.validFor(TestClients.CONFIDENTIAL));
        simulator.faults().nextIdToken(IdTokenFault.TAMPERED_SIGNATURE);
        Flows.Tokens second = Flows.signIn(simulator, AuthorizeParams.validFor(TestClients.PUBLIC));
        RecordedTokenRequest recorded = simulator.recorder().tokenRequests().get(0);
        assertEquals(first.accessToken(), recorded.issuedAccessToken());
        assertEquals(first.idToken(), recorded.issuedIdToken());
        assertEquals(
                List.of(first.accessToken(), first.idToken(), second.accessToken(), second.idToken()),
                simulator.recorder().issuedTokens());
    }

    @Test
    void a_refused_token_request_records_no_tokens() {
        HttpResponse<String> refused =
                Flows.token(simulator, Flows.tokenForm(simulator, TestClients.CONFIDENTIAL, "not-a-code"));
        assertEquals(400, refused.statusCode());
        RecordedTokenRequest recorded = simulator.recorder().tokenRequests().get(0);
        assertNull(recorded.issuedAccessToken());
        assertNull(recorded.issuedIdToken());
        assertEquals(List.of(), simulator.recorder().issuedTokens());
    }
}
