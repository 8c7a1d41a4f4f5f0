package io.github.kclogingov.broker.fraud;

import jakarta.ws.rs.core.Response;

/**
 * A report that is not made, and why, for the administrator: an HTTP status, a fixed code and a
 * sentence saying what to do. Nothing is stored and nothing is sent.
 */
public final class FraudReportRefusal extends RuntimeException {

    private final Response.Status status;
    private final String code;

    FraudReportRefusal(Response.Status status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public Response.Status status() {
        return status;
    }

    public String code() {
        return code;
    }

    static FraudReportRefusal invalid(String message) {
        return new FraudReportRefusal(Response.Status.BAD_REQUEST, "invalid_request", message);
    }

    static FraudReportRefusal conflict(String code, String message) {
        return new FraudReportRefusal(Response.Status.CONFLICT, code, message);
    }

    static FraudReportRefusal notFound(String code, String message) {
        return new FraudReportRefusal(Response.Status.NOT_FOUND, code, message);
    }
}
