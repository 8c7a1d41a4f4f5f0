package io.github.kclogingov.broker.signin;

import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.broker.config.UpstreamTimeouts;
import io.github.kclogingov.broker.metrics.UpstreamCallMeter;
import io.github.kclogingov.broker.signin.LoginGovUnavailableException.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.client.HttpClient;
import org.apache.http.client.methods.HttpRequestBase;

/**
 * One call to Login.gov, whole: sent on Keycloak's HTTP client with the provider's per-read timeouts
 * ({@link UpstreamHttp#requestConfig}) and aborted at a total deadline ({@link UpstreamTimeouts#total})
 * by a timer. The per-read timeouts alone let a server that sends a byte now and then hold the call
 * for ever, and Keycloak's client (Apache HttpClient's default retry handler) sends an idempotent
 * request again after some I/O failures; the abort ends the call, its retries included, at the
 * deadline, and an aborted request is never retried. HTTP 429 is answered by {@link
 * LoginGovBusyException} and never retried either: Keycloak's client has no retry on a status.
 * Each call is timed into {@link UpstreamCallMeter}, by endpoint and how it ended.
 */
final class UpstreamCall {

    /** What Login.gov answered: status, media type, {@code Retry-After}, and the body as text. */
    record Answer(int status, String contentType, String retryAfter, String body) {}

    /** One daemon thread for every deadline of the node; a timer that did not fire is removed at once. */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private UpstreamCall() {}

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "logingov-call-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /**
     * Sends {@code request} and reads at most {@code maxBytes} of the answer.
     *
     * @throws LoginGovBusyException for HTTP 429
     * @throws LoginGovUnavailableException when no answer came, in time or at all
     * @throws LoginGovLoginException when the answer is longer than {@code maxBytes}
     */
    static Answer send(
            HttpClient client, HttpRequestBase request, Endpoint endpoint, UpstreamTimeouts timeouts, int maxBytes) {
        request.setConfig(UpstreamHttp.requestConfig(timeouts));
        AtomicBoolean aborted = new AtomicBoolean();
        ScheduledFuture<?> deadline = DEADLINES.schedule(
                () -> {
                    aborted.set(true);
                    request.abort();
                },
                timeouts.totalMillis(),
                TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        UpstreamCallMeter.Outcome outcome = UpstreamCallMeter.Outcome.UNREACHABLE;
        try {
            HttpResponse response = client.execute(request);
            int status = response.getStatusLine().getStatusCode();
            outcome = UpstreamCallMeter.Outcome.ofStatus(status);
            if (status == 429) {
                throw LoginGovBusyException.of(endpoint, header(response, "Retry-After"), Instant.now());
            }
            String body;
            try {
                body = body(request, response.getEntity(), endpoint, maxBytes);
            } catch (LoginGovLoginException tooLong) {
                outcome = UpstreamCallMeter.Outcome.TOO_LARGE;
                throw tooLong;
            }
            return new Answer(status, header(response, "Content-Type"), header(response, "Retry-After"), body);
        } catch (IOException e) {
            if (aborted.get()) {
                outcome = UpstreamCallMeter.Outcome.TIMEOUT;
                throw LoginGovUnavailableException.deadlinePassed(endpoint, timeouts);
            }
            outcome = e instanceof InterruptedIOException
                    ? UpstreamCallMeter.Outcome.TIMEOUT
                    : UpstreamCallMeter.Outcome.UNREACHABLE;
            throw LoginGovUnavailableException.unreachable(endpoint, e, timeouts);
        } finally {
            UpstreamCallMeter.record(endpoint.tag(), outcome, System.nanoTime() - start);
            deadline.cancel(false);
            // An answer read to its end has given its connection back already; any other (a 429,
            // an oversized body) has its connection closed here, not drained.
            request.releaseConnection();
        }
    }

    private static String header(HttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    /**
     * UTF-8, as RFC 8259 requires of JSON; one byte more than allowed is read to tell "too long",
     * and then the request is aborted: closing the stream would read the rest of the answer.
     */
    private static String body(HttpRequestBase request, HttpEntity entity, Endpoint endpoint, int maxBytes)
            throws IOException {
        if (entity == null) {
            return "";
        }
        InputStream in = entity.getContent();
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            request.abort();
            throw new LoginGovLoginException(
                    FailureCode.ANSWER_INVALID,
                    "Login.gov's " + endpoint + " answer is longer than " + maxBytes + " bytes");
        }
        in.close();
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
