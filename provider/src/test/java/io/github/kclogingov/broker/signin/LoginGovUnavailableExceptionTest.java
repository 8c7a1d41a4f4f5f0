package io.github.kclogingov.broker.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.broker.config.UpstreamTimeouts;
import io.github.kclogingov.broker.signin.LoginGovUnavailableException.Endpoint;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.conn.HttpHostConnectException;
import org.junit.jupiter.api.Test;

/** The reason an outage records: which endpoint, what happened, and never what a message quoted. */
class LoginGovUnavailableExceptionTest {

    private static final UpstreamTimeouts TIMEOUTS =
            new UpstreamTimeouts(Duration.ofMillis(1500), Duration.ofMillis(2000));

    private static String reason(IOException failure) {
        return LoginGovUnavailableException.unreachable(Endpoint.TOKEN, failure, TIMEOUTS)
                .getMessage();
    }

    private static FailureCode code(IOException failure) {
        return LoginGovUnavailableException.unreachable(Endpoint.TOKEN, failure, TIMEOUTS)
                .code();
    }

    @Test
    void each_kind_of_outage_has_its_code_for_the_sign_in_meter() {
        assertEquals(FailureCode.TIMEOUT, code(new ConnectTimeoutException("timed out")));
        assertEquals(FailureCode.TIMEOUT, code(new SocketTimeoutException("Read timed out")));
        assertEquals(FailureCode.UNREACHABLE, code(new HttpHostConnectException(new IOException("refused"), null)));
        assertEquals(FailureCode.UNREACHABLE, code(new UnknownHostException("secure.login.gov")));
        assertEquals(FailureCode.UNREACHABLE, code(new SSLHandshakeException("bad certificate")));
        assertEquals(
                FailureCode.TIMEOUT,
                LoginGovUnavailableException.deadlinePassed(Endpoint.USERINFO, TIMEOUTS)
                        .code());
        assertEquals(
                FailureCode.SERVER_ERROR,
                LoginGovUnavailableException.serverError(Endpoint.JWKS, 502).code());
        assertEquals(
                FailureCode.NOT_JSON,
                LoginGovUnavailableException.notJson(Endpoint.TOKEN, "text/html")
                        .code());
    }

    @Test
    void a_timeout_names_the_limit_that_was_reached() {
        assertEquals(
                "Login.gov is unavailable: its token endpoint did not accept a connection within 1500 ms",
                reason(new ConnectTimeoutException("Connect to secure.login.gov:443 timed out")));
        assertEquals(
                "Login.gov is unavailable: its token endpoint did not answer within 2000 ms",
                reason(new SocketTimeoutException("Read timed out")));
    }

    @Test
    void a_network_failure_is_named_by_its_kind_never_by_its_message() {
        assertEquals(
                "Login.gov is unavailable: its token endpoint refused the connection",
                reason(new HttpHostConnectException(new java.net.ConnectException("refused"), null)));
        assertEquals(
                "Login.gov is unavailable: its token endpoint could not be found (unknown host)",
                reason(new UnknownHostException("secure.login.gov")));
        assertEquals(
                "Login.gov is unavailable: its token endpoint failed the TLS handshake (SSLHandshakeException)",
                reason(new SSLHandshakeException("PKIX path building failed: CN=secret")));
        assertEquals(
                "Login.gov is unavailable: its token endpoint dropped the connection (SocketException)",
                reason(new SocketException("Connection reset")));
        assertEquals(
                "Login.gov is unavailable: its token endpoint could not be read (IOException)",
                reason(new IOException("Authorization: Bearer abc")));
    }

    @Test
    void a_hostile_content_type_is_quoted_short_and_printable() {
        assertEquals(
                "Login.gov is unavailable: its userinfo endpoint answered text/h?ml, not JSON",
                LoginGovUnavailableException.notJson(Endpoint.USERINFO, "text/h\nml; charset=utf-8")
                        .getMessage());
        assertEquals(
                "Login.gov is unavailable: its userinfo endpoint answered no content type, not JSON",
                LoginGovUnavailableException.notJson(Endpoint.USERINFO, null).getMessage());
    }

    @Test
    void the_key_caches_wrapping_is_taken_off() {
        LoginGovLoginException cause = LoginGovUnavailableException.serverError(Endpoint.JWKS, 502);
        RuntimeException wrapped =
                new RuntimeException("Error when loading public keys: x", new ExecutionException(cause));

        assertEquals(Optional.of(cause), LoginGovPublicKeys.loadFailure(wrapped));
        assertEquals(Optional.empty(), LoginGovPublicKeys.loadFailure(new IllegalStateException("other")));
    }
}
