package io.github.kclogingov.protocol;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Fixed rules of Login.gov's OpenID Connect profile, as production enforces them. */
public final class LoginGovProtocol {
    /** {@code state} and {@code nonce} shorter than this are refused. */
    public static final int MIN_STATE_LENGTH = 22;

    public static final int MIN_NONCE_LENGTH = 22;

    /** The only {@code prompt} Login.gov accepts from agencies that are not allow-listed. */
    public static final String PROMPT_SELECT_ACCOUNT = "select_account";

    /**
     * A fresh authentication; refused unless Login.gov has allowed the service provider to
     * re-authenticate (a per-client flag, off by default).
     */
    public static final String PROMPT_LOGIN = "login";

    /** The only {@code response_type}. */
    public static final String RESPONSE_TYPE_CODE = "code";

    /** The only PKCE method. */
    public static final String PKCE_METHOD_S256 = "S256";

    /** The only signature algorithm, for id_tokens and for client assertions alike. */
    public static final String SIGNING_ALGORITHM = "RS256";

    /**
     * The smallest RSA key, in bits, of a certificate the partner portal accepts for
     * {@code private_key_jwt}.
     */
    public static final int MIN_CLIENT_RSA_KEY_BITS = 2048;

    /** The {@code locale} values Login.gov accepts; anything else falls back to Accept-Language. */
    public static final List<String> LOCALES = List.of("en", "es", "fr", "zh");

    public static final String CLIENT_ASSERTION_TYPE_JWT_BEARER =
            "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /** An authorization code lives this long and is single use. */
    public static final Duration CODE_LIFETIME = Duration.ofSeconds(300);

    /** Login.gov asks for client assertions that expire no more than about five minutes ahead. */
    public static final Duration MAX_CLIENT_ASSERTION_LIFETIME = Duration.ofMinutes(5);

    /** A client assertion's {@code iat} may be at most this far in the future. */
    public static final Duration MAX_CLIENT_ASSERTION_IAT_FUTURE = Duration.ofSeconds(10);

    /**
     * The person's Login.gov session ends after this long without activity at Login.gov (identity-idp
     * {@code session_timeout_in_seconds}); each page the person opens there starts it again. The
     * id_token's {@code exp}, the token answer's {@code expires_in} and the access token's life are
     * what is left of it.
     */
    public static final Duration SESSION_TIMEOUT = Duration.ofSeconds(900);

    /**
     * identity-idp's public default for its per-IP throttle ({@code requests_per_ip_limit} requests
     * per {@code requests_per_ip_period}); production's values are private. Beyond it Login.gov
     * answers HTTP 429 with an HTML page and no {@code Retry-After}.
     */
    public static final int REQUESTS_PER_IP_LIMIT = 300;

    public static final Duration REQUESTS_PER_IP_PERIOD = Duration.ofSeconds(300);

    private LoginGovProtocol() {}

    /**
     * Whether a client_id can be a Login.gov issuer string: Login.gov compares it exactly, so it is
     * not blank and holds no whitespace anywhere.
     */
    public static boolean isValidClientId(String clientId) {
        return clientId != null && !clientId.isBlank() && clientId.chars().noneMatch(Character::isWhitespace);
    }

    /** The {@code locale} parameter for a language tag, or null when Login.gov does not offer it. */
    public static String loginGovLocale(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return null;
        }
        String language = languageTag.trim().split("[-_]")[0].toLowerCase(Locale.ROOT);
        return LOCALES.contains(language) ? language : null;
    }
}
