package io.github.kclogingov.broker.signin;

import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.broker.common.UntrustedText;
import io.github.kclogingov.protocol.LoginGovProtocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import org.keycloak.jose.JOSE;
import org.keycloak.jose.JOSEParser;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.util.JsonSerialization;

/**
 * Validates a Login.gov id_token with no switch to turn any check off, closing the gaps of the
 * stock OpenID Connect broker: signature always, RS256 only, a {@code kid} that the JWKS knows,
 * the exact issuer, the client_id as the only audience, {@code exp} and {@code iat} required and
 * fresh. Nonce and userinfo {@code sub} are checked by the provider, which holds the session.
 *
 * <p>Failure messages name the failed check only: they go to events and logs, so they never
 * quote the token or its claims.
 */
public final class IdTokenValidator {

    /** Finds Login.gov's public key by {@code kid}; null when the JWKS has no such key. */
    @FunctionalInterface
    public interface KeyResolver {
        PublicKey find(String kid);
    }

    private final KeyResolver keys;
    private final String expectedIssuer;
    private final String clientId;
    private final Duration clockSkew;
    private final Duration maxAge;
    private final Clock clock;

    public IdTokenValidator(
            KeyResolver keys,
            String expectedIssuer,
            String clientId,
            Duration clockSkew,
            Duration maxAge,
            Clock clock) {
        this.keys = keys;
        this.expectedIssuer = expectedIssuer;
        this.clientId = clientId;
        this.clockSkew = clockSkew;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public JsonWebToken validate(String encodedToken) {
        if (encodedToken == null || encodedToken.isBlank()) {
            throw failure("Login.gov returned no id_token");
        }
        JWSInput jws = parseSigned(encodedToken);
        verifySignature(jws);
        JsonWebToken token = readClaims(jws);
        checkIssuer(token);
        checkAudience(token);
        checkTimes(token);
        return token;
    }

    private static JWSInput parseSigned(String encodedToken) {
        JOSE jose;
        try {
            jose = JOSEParser.parse(encodedToken);
        } catch (RuntimeException e) {
            throw failure("id_token is not a well-formed JWT");
        }
        if (!(jose instanceof JWSInput jws)) {
            throw failure("id_token is not a signed JWT");
        }
        return jws;
    }

    private void verifySignature(JWSInput jws) {
        String alg = jws.getHeader().getRawAlgorithm();
        if (!LoginGovProtocol.SIGNING_ALGORITHM.equals(alg)) {
            throw failure(
                    "id_token algorithm " + UntrustedText.quoted(alg) + " refused: Login.gov signs with RS256 only");
        }
        String kid = jws.getHeader().getKeyId();
        if (kid == null || kid.isBlank()) {
            throw failure("id_token has no kid header");
        }
        PublicKey key = keys.find(kid);
        if (!(key instanceof RSAPublicKey)) {
            throw failure("id_token signed with a key that Login.gov's JWKS does not list (kid "
                    + UntrustedText.quoted(kid) + ")");
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(jws.getEncodedSignatureInput().getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(jws.getSignature())) {
                throw failure("id_token signature is invalid");
            }
        } catch (GeneralSecurityException e) {
            throw failure("id_token signature could not be verified");
        }
    }

    private static JsonWebToken readClaims(JWSInput jws) {
        try {
            return JsonSerialization.readValue(jws.getContent(), JsonWebToken.class);
        } catch (IOException | RuntimeException e) {
            throw failure("id_token claims are not valid JSON");
        }
    }

    private void checkIssuer(JsonWebToken token) {
        if (!expectedIssuer.equals(token.getIssuer())) {
            throw failure("id_token issuer " + UntrustedText.quoted(token.getIssuer()) + " is not " + expectedIssuer);
        }
    }

    private void checkAudience(JsonWebToken token) {
        String[] audience = token.getAudience();
        if (audience == null || audience.length != 1 || !clientId.equals(audience[0])) {
            throw failure("id_token audience must be exactly the client ID");
        }
        if (token.getIssuedFor() != null && !clientId.equals(token.getIssuedFor())) {
            throw failure("id_token azp is not the client ID");
        }
    }

    private void checkTimes(JsonWebToken token) {
        long now = clock.instant().getEpochSecond();
        long skew = clockSkew.getSeconds();
        Long exp = token.getExp();
        Long iat = token.getIat();
        Long nbf = token.getNbf();
        if (exp == null) {
            throw failure("id_token has no exp");
        }
        if (iat == null) {
            throw failure("id_token has no iat");
        }
        if (exp + skew <= now) {
            throw failure("id_token has expired");
        }
        if (iat - skew > now) {
            throw failure("id_token iat is in the future");
        }
        if (iat + maxAge.getSeconds() + skew < now) {
            throw failure("id_token was issued more than " + maxAge.getSeconds() + " s ago");
        }
        if (nbf != null && nbf - skew > now) {
            throw failure("id_token is not valid yet (nbf)");
        }
    }

    private static LoginGovLoginException failure(String reason) {
        return new LoginGovLoginException(reason);
    }
}
