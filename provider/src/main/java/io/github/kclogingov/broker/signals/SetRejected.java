package io.github.kclogingov.broker.signals;

import io.github.kclogingov.protocol.PushErrorCode;

/**
 * A Security Event Token refused, with the RFC 8935 error code and a description that names the
 * failed rule only: it is sent back to Login.gov and logged, so it never quotes a claim.
 */
final class SetRejected extends RuntimeException {

    private final PushErrorCode code;

    SetRejected(PushErrorCode code, String description) {
        super(description, null, false, false); // no stack trace: a refusal is an answer, not a fault
        this.code = code;
    }

    PushErrorCode code() {
        return code;
    }

    static SetRejected invalidRequest(String description) {
        return new SetRejected(PushErrorCode.INVALID_REQUEST, description);
    }
}
