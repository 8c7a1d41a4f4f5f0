package io.github.kclogingov.protocol;

import java.time.Duration;

/**
 * How Login.gov writes and delivers a Security Event Token (RFC 8417) to a service provider's push
 * URL (RFC 8935), as production does it: the media type and header type, the claims it always
 * sets, its lifetime, the subject forms, and the delivery rules (timeout and retries).
 */
public final class SecurityEventTokens {

    /** The request's {@code Content-Type}; the body is the compact JWS and nothing else. */
    public static final String MEDIA_TYPE = "application/secevent+jwt";

    /** The {@code typ} header: a SET can never pass for an id_token, nor the reverse. */
    public static final String TYPE = "secevent+jwt";

    /** {@code exp} is {@code iat} plus this. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    /** Login.gov's {@code jti}: 32 lowercase hexadecimal characters. */
    public static final int JTI_LENGTH = 32;

    /** Login.gov gives up on a push after this long (and retries only network failures). */
    public static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(3);

    /** At most this many retries after a network failure, each with the same token and {@code jti}. */
    public static final int MAX_RETRIES = 2;

    /** The {@code events} claim: an object with exactly one member, the event type's URI. */
    public static final String EVENTS = "events";

    /** The legacy subject, nested in the event: {@code subject_type} {@code iss-sub}, with {@code iss} and {@code sub}. */
    public static final String SUBJECT = "subject";

    public static final String SUBJECT_TYPE = "subject_type";
    public static final String LEGACY_ISS_SUB = "iss-sub";

    /** The newer subject (RFC 9493), top level: {@code sub_id} with {@code format} {@code iss_sub}. */
    public static final String SUB_ID = "sub_id";

    public static final String FORMAT = "format";
    public static final String ISS_SUB = "iss_sub";

    /** An email subject ({@code identifier-changed}, {@code identifier-recycled}), in either form. */
    public static final String EMAIL = "email";

    /** The account-disabled event's reason when Login.gov staff suspended the account. */
    public static final String REASON = "reason";

    public static final String REASON_ACCOUNT_SUSPENSION = "account-suspension";

    private SecurityEventTokens() {}
}
