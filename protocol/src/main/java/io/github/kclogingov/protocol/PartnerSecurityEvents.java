package io.github.kclogingov.protocol;

/**
 * How Login.gov receives a Security Event Token from a partner (identity-idp's {@code
 * Risc::SecurityEventsController} and {@code SecurityEventForm}): where, in which media type, with
 * which claims, and how it answers.
 *
 * <p>The token is an RS256 JWS signed with the key of the partner's client assertions (Login.gov
 * tries each certificate registered for the client), header {@code typ} {@code secevent+jwt}. Its
 * claims: {@code iss} the client ID, {@code aud} exactly the endpoint's URL, a {@code jti} that
 * Login.gov de-duplicates per client and person, no {@code exp} and no top-level {@code sub} (both
 * refused), and {@code events} with one event whose {@code subject} is {@code iss-sub} with the
 * pairwise {@code sub} the partner received.
 */
public final class PartnerSecurityEvents {

    /** Under the issuer: {@code https://secure.login.gov/api/risc/security_events}. */
    public static final String PATH = "api/risc/security_events";

    /** The request's {@code Content-Type}, and the token's {@code typ} header with the "application/" left off. */
    public static final String MEDIA_TYPE = SecurityEventTokens.MEDIA_TYPE;

    public static final String TYPE = SecurityEventTokens.TYPE;

    /** The subject's form: the dash, not the underscore of the older docs, is what the code compares. */
    public static final String SUBJECT_TYPE = SecurityEventTokens.LEGACY_ISS_SUB;

    /** When the fraud happened, in seconds since the epoch, inside the event; optional. */
    public static final String OCCURRED_AT = "occurred_at";

    /** The answer to an accepted token: 202, empty. */
    public static final int ACCEPTED = 202;

    /** The answer to a refused token: 400 with a JSON body of these two members. */
    public static final int REFUSED = 400;

    public static final String ERROR_CODE = "err";
    public static final String ERROR_DESCRIPTION = "description";

    /**
     * The refusal code Login.gov gives when the same {@code jti} was accepted before for this
     * client and person: a report sent again after an answer that never arrived.
     */
    public static final String DUPLICATE = "dup";

    private PartnerSecurityEvents() {}

    /** The endpoint's URL under {@code issuer} (which ends with a slash, {@link LoginGovEndpoints}). */
    public static String url(String issuer) {
        return LoginGovEndpoints.forIssuer(issuer).issuer() + PATH;
    }
}
