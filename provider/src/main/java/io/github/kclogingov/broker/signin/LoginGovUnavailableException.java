package io.github.kclogingov.broker.signin;

import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.broker.common.UntrustedText;
import io.github.kclogingov.broker.config.UpstreamTimeouts;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.apache.http.NoHttpResponseException;
import org.apache.http.conn.ConnectTimeoutException;

/**
 * A sign-in that failed because Login.gov could not be used at all: not reachable, too slow, or
 * answering with a server error or something that is not JSON. The person can do nothing about
 * it but try again later, so it ends on the login page with {@link #MESSAGE_KEY} instead of the
 * error page of a refused answer. The reason names the endpoint and what happened (refused, timed
 * out after so many milliseconds, HTTP 503, text/html); it never holds an answer's body.
 */
public class LoginGovUnavailableException extends LoginGovLoginException {

    /** The login page's message: Login.gov is unavailable right now, try again or sign in another way. */
    public static final String MESSAGE_KEY = "logingovUnavailable";

    /** The endpoints a sign-in calls, as the reason names them. */
    public enum Endpoint {
        TOKEN("token endpoint"),
        USERINFO("userinfo endpoint"),
        JWKS("JWKS (its signing keys)"),
        /** Where a partner reports fraud ({@code io.github.kclogingov.broker.fraud}); not part of a sign-in. */
        SECURITY_EVENTS("security events endpoint");

        private final String text;

        Endpoint(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }

        /** The endpoint's tag value in the call meter: {@code token}, {@code userinfo} or {@code jwks}. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private LoginGovUnavailableException(FailureCode code, Endpoint endpoint, String what) {
        this(code, "Login.gov is unavailable: its " + endpoint + " " + what);
    }

    /** For {@link LoginGovBusyException}, whose reason says busy rather than unavailable. */
    LoginGovUnavailableException(FailureCode code, String reason) {
        super(code, reason);
    }

    /** The call itself failed: no connection, no answer in time, or the connection dropped. */
    public static LoginGovUnavailableException unreachable(
            Endpoint endpoint, IOException failure, UpstreamTimeouts timeouts) {
        return new LoginGovUnavailableException(
                failure instanceof InterruptedIOException ? FailureCode.TIMEOUT : FailureCode.UNREACHABLE,
                endpoint,
                what(failure, timeouts));
    }

    /**
     * The whole call took longer than {@link UpstreamTimeouts#total}: a server that trickles its
     * answer, each byte within the read timeout, or retries that added up.
     */
    public static LoginGovUnavailableException deadlinePassed(Endpoint endpoint, UpstreamTimeouts timeouts) {
        return new LoginGovUnavailableException(
                FailureCode.TIMEOUT,
                endpoint,
                "did not finish answering within " + timeouts.totalMillis()
                        + " ms (the connect and read timeouts together)");
    }

    /** Login.gov answered a server error (5xx), which says nothing about this sign-in. */
    public static LoginGovUnavailableException serverError(Endpoint endpoint, int status) {
        return new LoginGovUnavailableException(FailureCode.SERVER_ERROR, endpoint, "answered HTTP " + status);
    }

    /** A success status with a page instead of JSON: a proxy's or a maintenance page. */
    public static LoginGovUnavailableException notJson(Endpoint endpoint, String contentType) {
        String type = contentType == null ? "no content type" : mediaType(contentType);
        return new LoginGovUnavailableException(FailureCode.NOT_JSON, endpoint, "answered " + type + ", not JSON");
    }

    private static String what(IOException failure, UpstreamTimeouts timeouts) {
        // Most specific first: Apache's connect timeout is an InterruptedIOException too.
        if (failure instanceof ConnectTimeoutException) {
            return "did not accept a connection within " + timeouts.connectMillis() + " ms";
        }
        if (failure instanceof SocketTimeoutException) {
            return "did not answer within " + timeouts.readMillis() + " ms";
        }
        if (failure instanceof InterruptedIOException) {
            return "did not answer in time (" + name(failure) + ")";
        }
        if (failure instanceof ConnectException) {
            return "refused the connection";
        }
        if (failure instanceof NoHttpResponseException) {
            return "closed the connection without answering";
        }
        if (failure instanceof UnknownHostException) {
            return "could not be found (unknown host)";
        }
        if (failure instanceof SSLException) {
            return "failed the TLS handshake (" + name(failure) + ")";
        }
        if (failure instanceof SocketException) {
            return "dropped the connection (" + name(failure) + ")";
        }
        return "could not be read (" + name(failure) + ")";
    }

    /** The class only: a message can quote a host, a header or a part of an answer. */
    private static String name(IOException failure) {
        return failure.getClass().getSimpleName();
    }

    /** {@code text/html} of {@code text/html; charset=utf-8}, short and printable. */
    private static String mediaType(String contentType) {
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
        return UntrustedText.quoted(type);
    }
}
