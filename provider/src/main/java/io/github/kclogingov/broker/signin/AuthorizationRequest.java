package io.github.kclogingov.broker.signin;

import io.github.kclogingov.broker.assurance.AssuranceNotes;
import io.github.kclogingov.broker.assurance.LevelPolicy;
import io.github.kclogingov.broker.assurance.RequestedLevels;
import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.LoginGovProtocol;
import io.github.kclogingov.protocol.LoginGovScope;
import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.OAuth2Constants;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The authorization request Login.gov receives: exactly one Login.gov level, the scopes that level
 * releases, {@code prompt=select_account} and Login.gov's {@code locale}; nothing of the downstream
 * application's own request (its {@code acr_values}, {@code ui_locales}, {@code login_hint},
 * {@code max_age} or {@code claims}).
 */
public final class AuthorizationRequest {

    /** Login.gov's name for the language of its pages. */
    static final String LOCALE_PARAM = "locale";

    private AuthorizationRequest() {}

    /** Login.gov refuses a shorter {@code state}; Keycloak's is long enough unless configured otherwise. */
    public static void checkState(String state) {
        if (state == null || state.length() < LoginGovProtocol.MIN_STATE_LENGTH) {
            throw new LoginGovLoginException(
                    FailureCode.REQUEST_NOT_PERMITTED,
                    "state shorter than Login.gov's minimum of " + LoginGovProtocol.MIN_STATE_LENGTH);
        }
    }

    /**
     * The level to ask for: what the application asked, raised to the provider's default level
     * and, during a step-up, to what the session already has, so that neither axis goes down. It
     * is recorded, to check Login.gov's answer against.
     */
    public static AcrValues levelToSend(AuthenticationSessionModel authSession, LevelPolicy policy) {
        AcrValues requested = RequestedLevels.of(authSession).loginGovLevel(policy);
        AcrValues level =
                AssuranceNotes.sessionLevel(authSession).map(requested::atLeast).orElse(requested);
        AssuranceNotes.recordRequested(authSession, level);
        return level;
    }

    /**
     * The scope parameter sent with {@code level}; read again at the answer, to know what Login.gov
     * promised to release.
     */
    public static String scopesSent(String configuredScopes, AcrValues level) {
        return LoginGovScope.requestedAt(configuredScopes, level.ial());
    }

    /**
     * Replaces whatever Keycloak or the downstream client put in the request with what Login.gov
     * accepts.
     *
     * @param configuredScopes the provider's scopes; verified-only ones go only with a verified level
     * @param locale Login.gov's {@code locale} value, or null to leave it to the browser's language
     */
    public static UriBuilder shape(UriBuilder uri, AcrValues level, String configuredScopes, String locale) {
        uri.replaceQueryParam(OAuth2Constants.ACR_VALUES, level.toParameter());
        uri.replaceQueryParam(OAuth2Constants.SCOPE, scopesSent(configuredScopes, level));
        uri.replaceQueryParam(OAuth2Constants.PROMPT, LoginGovProtocol.PROMPT_SELECT_ACCOUNT);
        uri.replaceQueryParam(OIDCLoginProtocol.UI_LOCALES_PARAM);
        uri.replaceQueryParam(OIDCLoginProtocol.LOGIN_HINT_PARAM);
        uri.replaceQueryParam(OIDCLoginProtocol.MAX_AGE_PARAM);
        uri.replaceQueryParam(OIDCLoginProtocol.CLAIMS_PARAM);
        if (locale == null) {
            uri.replaceQueryParam(LOCALE_PARAM);
        } else {
            uri.replaceQueryParam(LOCALE_PARAM, locale);
        }
        return uri;
    }
}
