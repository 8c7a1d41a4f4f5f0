package io.github.kclogingov.broker.signin;

import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import java.util.Optional;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.TokenUtil;

/**
 * Re-authentication that an application demands ({@code prompt=login}, {@code max_age}) is
 * proven by Login.gov, or refused. Login.gov has no {@code max_age} and takes {@code prompt=login}
 * only from a client it allow-listed, which is also the only kind of client that receives
 * {@code auth_time}. So: such a client asks Login.gov with {@code prompt=login}; any client's answer
 * must carry an {@code auth_time} that shows the demanded re-authentication (not before this
 * request was sent for {@code prompt=login}, not older than {@code max_age}); without one the
 * sign-in fails and the application gets {@code login_required}. Keycloak's {@code auth_time} is
 * then Login.gov's, never the moment Keycloak happened to receive the answer.
 */
public final class Reauthentication {

    /** Authentication session note: when this sign-in was sent to Login.gov, in epoch seconds. */
    static final String SENT_AT_NOTE = "LOGINGOV_SENT_AT";

    static final String AUTH_TIME = "auth_time";

    /** What the application demanded: {@code prompt=login}, and/or a {@code max_age} in seconds. */
    record Demand(boolean promptLogin, Optional<Long> maxAge) {
        boolean any() {
            return promptLogin || maxAge.isPresent();
        }
    }

    private Reauthentication() {}

    static Demand demanded(AuthenticationSessionModel authSession) {
        boolean promptLogin = TokenUtil.hasPrompt(
                authSession.getClientNote(OIDCLoginProtocol.PROMPT_PARAM), OIDCLoginProtocol.PROMPT_VALUE_LOGIN);
        Optional<Long> maxAge;
        try {
            maxAge = Optional.ofNullable(authSession.getClientNote(OIDCLoginProtocol.MAX_AGE_PARAM))
                    .map(Long::parseLong);
        } catch (NumberFormatException e) {
            // Keycloak refuses a malformed max_age at its authorization endpoint; fail closed if one got here.
            maxAge = Optional.of(0L);
        }
        return new Demand(promptLogin, maxAge);
    }

    /**
     * Records when the request leaves for Login.gov, and answers whether to send Login.gov
     * {@code prompt=login}: only when the application demanded a re-authentication and Login.gov
     * allow-listed this client for it (any other client would see Login.gov refuse the request).
     */
    public static boolean sendPromptLogin(AuthenticationSessionModel authSession, boolean allowListed, long now) {
        authSession.setAuthNote(SENT_AT_NOTE, Long.toString(now));
        return allowListed && demanded(authSession).any();
    }

    /**
     * Login.gov's {@code auth_time}, checked against what the application demanded.
     *
     * @param idToken the validated id_token (its {@code auth_time}, when present, is a number no later than now)
     * @return Login.gov's {@code auth_time} when it released one
     * @throws ReauthenticationNotProvenException when a demanded re-authentication is not proven
     */
    public static Optional<Long> check(
            AuthenticationSessionModel authSession, JsonWebToken idToken, long now, long clockSkew) {
        Optional<Long> authTime = authTime(idToken);
        Demand demand = demanded(authSession);
        if (!demand.any()) {
            return authTime;
        }
        if (authTime.isEmpty()) {
            throw new ReauthenticationNotProvenException("the application asked for a re-authentication"
                    + " (prompt=login or max_age) and Login.gov released no auth_time to prove one");
        }
        if (demand.promptLogin()) {
            long sentAt = sentAt(authSession);
            if (authTime.get() + clockSkew < sentAt) {
                throw new ReauthenticationNotProvenException(
                        "the application asked for prompt=login and Login.gov's auth_time is older than the request");
            }
        }
        if (demand.maxAge().isPresent()
                && now - authTime.get() > demand.maxAge().get() + clockSkew) {
            throw new ReauthenticationNotProvenException(
                    "Login.gov's auth_time is older than the application's max_age of "
                            + demand.maxAge().get() + " s");
        }
        return authTime;
    }

    private static long sentAt(AuthenticationSessionModel authSession) {
        try {
            return Long.parseLong(authSession.getAuthNote(SENT_AT_NOTE));
        } catch (NumberFormatException e) {
            throw new ReauthenticationNotProvenException("no Login.gov request time is recorded for this sign-in");
        }
    }

    /** Login.gov's {@code auth_time}; a value that is no time Keycloak can carry fails the sign-in. */
    static Optional<Long> authTime(JsonWebToken idToken) {
        Object value = idToken.getOtherClaims().get(AUTH_TIME);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Integer || value instanceof Long)
                || ((Number) value).longValue() <= 0
                || ((Number) value).longValue() > Integer.MAX_VALUE) {
            throw new LoginGovLoginException(
                    FailureCode.ID_TOKEN_INVALID, "id_token auth_time is not a time in epoch seconds");
        }
        return Optional.of(((Number) value).longValue());
    }

    /** A demanded re-authentication Login.gov did not prove: the application receives {@code login_required}. */
    public static final class ReauthenticationNotProvenException extends LoginGovLoginException {
        public ReauthenticationNotProvenException(String reason) {
            super(FailureCode.REAUTHENTICATION_NOT_PROVEN, reason);
        }
    }
}
