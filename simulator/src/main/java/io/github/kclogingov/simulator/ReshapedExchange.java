package io.github.kclogingov.simulator;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An endpoint's exchange with its answer reshaped on the way out, without the endpoint knowing: its
 * {@code Content-Type} replaced, an HTTP 400 JSON error rewritten as RFC 9457 problem details, or
 * its body trickled out a byte at a time. Everything else is the exchange's own.
 */
final class ReshapedExchange extends HttpExchange {
    static final String PROBLEM_JSON = "application/problem+json";

    private final HttpExchange exchange;
    private final String contentType;
    private final boolean problemDetails;
    private final Duration trickle;
    private int deferredStatus = -1;

    /**
     * @param contentType the answer's media type, or null to keep the endpoint's
     * @param problemDetails whether an HTTP 400 becomes problem details
     * @param trickle the pause between two bytes of the body, or null to send it whole
     */
    ReshapedExchange(HttpExchange exchange, String contentType, boolean problemDetails, Duration trickle) {
        this.exchange = exchange;
        this.contentType = contentType;
        this.problemDetails = problemDetails;
        this.trickle = trickle;
    }

    @Override
    public void sendResponseHeaders(int status, long length) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        if (problemDetails && status == 400 && length > 0) {
            deferredStatus = status; // sent with the rewritten body, whose length differs
            return;
        }
        exchange.sendResponseHeaders(status, length);
    }

    @Override
    public OutputStream getResponseBody() {
        if (deferredStatus > 0) {
            return new ProblemDetails();
        }
        OutputStream body = exchange.getResponseBody();
        return trickle == null ? body : new Trickle(body, trickle);
    }

    /** Collects the JSON error, then sends it as problem details. */
    private final class ProblemDetails extends ByteArrayOutputStream {
        private boolean sent;

        @Override
        public void close() throws IOException {
            if (sent) {
                return;
            }
            sent = true;
            byte[] problem = problem(toString(StandardCharsets.UTF_8), deferredStatus);
            exchange.getResponseHeaders().set("Content-Type", PROBLEM_JSON);
            exchange.sendResponseHeaders(deferredStatus, problem.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(problem);
            }
        }
    }

    /** {@code {"error": text}} as {@code {"type", "title", "status", "detail": text}}. */
    static byte[] problem(String json, int status) {
        Object error;
        try {
            error = JSONObjectUtils.parse(json).get("error");
        } catch (ParseException e) {
            error = null;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Bad Request");
        problem.put("status", status);
        if (error != null) {
            problem.put("detail", String.valueOf(error));
        }
        return JSONObjectUtils.toJSONString(problem).getBytes(StandardCharsets.UTF_8);
    }

    /** Writes one byte, flushes, waits; stops when the relying party has gone (a write fails). */
    private static final class Trickle extends FilterOutputStream {
        private final long pauseMillis;

        Trickle(OutputStream out, Duration pause) {
            super(out);
            this.pauseMillis = pause.toMillis();
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            for (int i = 0; i < length; i++) {
                write(bytes[offset + i]);
            }
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            out.flush();
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("simulator stopping");
            }
        }
    }

    @Override
    public Headers getRequestHeaders() {
        return exchange.getRequestHeaders();
    }

    @Override
    public Headers getResponseHeaders() {
        return exchange.getResponseHeaders();
    }

    @Override
    public URI getRequestURI() {
        return exchange.getRequestURI();
    }

    @Override
    public String getRequestMethod() {
        return exchange.getRequestMethod();
    }

    @Override
    public HttpContext getHttpContext() {
        return exchange.getHttpContext();
    }

    @Override
    public void close() {
        exchange.close();
    }

    @Override
    public InputStream getRequestBody() {
        return exchange.getRequestBody();
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return exchange.getRemoteAddress();
    }

    @Override
    public int getResponseCode() {
        return exchange.getResponseCode();
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return exchange.getLocalAddress();
    }

    @Override
    public String getProtocol() {
        return exchange.getProtocol();
    }

    @Override
    public Object getAttribute(String name) {
        return exchange.getAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        exchange.setAttribute(name, value);
    }

    @Override
    public void setStreams(InputStream in, OutputStream out) {
        exchange.setStreams(in, out);
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return exchange.getPrincipal();
    }
}
