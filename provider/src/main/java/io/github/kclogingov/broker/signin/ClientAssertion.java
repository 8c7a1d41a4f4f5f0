package io.github.kclogingov.broker.signin;

import java.time.Duration;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.representations.JsonWebToken;

/**
 * The private_key_jwt client assertion Login.gov's token endpoint expects: issuer and subject the
 * client_id, audience exactly the token endpoint URL, a fresh {@code jti}, and a short life. The
 * stock broker sets the audience from a form field and the lifetime from the realm's access-code
 * lifespan.
 */
public final class ClientAssertion {

    /** Enough for one token call, well under the five minutes Login.gov allows. */
    static final Duration LIFETIME = Duration.ofSeconds(120);

    private ClientAssertion() {}

    /** The assertion's claims, issued at {@code nowSeconds}; the caller signs it with the dedicated key. */
    public static JsonWebToken claims(String clientId, String tokenUrl, long nowSeconds) {
        JsonWebToken assertion = new JsonWebToken();
        assertion.id(SecretGenerator.getInstance().generateSecureID());
        assertion.issuer(clientId);
        assertion.subject(clientId);
        assertion.audience(tokenUrl);
        assertion.iat(nowSeconds);
        assertion.exp(nowSeconds + LIFETIME.getSeconds());
        return assertion;
    }
}
