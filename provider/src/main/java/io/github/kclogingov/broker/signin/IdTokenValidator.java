package io.github.kclogingov.broker.signin;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.broker.common.UntrustedText;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.util.JsonSerialization;

/**
 * Validates a Login.gov id_token to the letter of OpenID Connect Core section 3.1.3.7 and the JWT
 * best current practices (RFC 8725), with no switch to turn any check off, closing the gaps of the
 * stock OpenID Connect broker. In order, cheapest and most hostile-proof first: the length, the
 * compact form ({@link CompactJws}), the protected header read by a bounded parser ({@link
 * IdTokenHeader}), Login.gov's key and an RS256 signature, then the claims, read by the same
 * bounded parser ({@link IdTokenClaims}). The nonce's value and userinfo's {@code sub} are checked
 * by the provider, which holds the session.
 *
 * <p>Failure messages name the failed check only: they go to events and logs, so they never quote
 * the token or its claims; a short header value ({@code alg}, {@code kid}, {@code typ}) is quoted
 * sanitised ({@link UntrustedText}).
 */
public final class IdTokenValidator {

    /** Longest id_token read, in characters: Login.gov's are a few kilobytes, even with every attribute. */
    public static final int MAX_TOKEN_LENGTH = 64 * 1024;

    /** NIST SP 800-131A: a shorter RSA key no longer protects a signature. */
    static final int MIN_RSA_KEY_BITS = 2048;

    /** Login.gov's signing keys, as its JWKS lists them. */
    public interface KeyResolver {

        /** The RS256 signature key with this {@code kid}; null when the JWKS has no such key. */
        PublicKey find(String kid);

        /** Every RS256 signature key the JWKS holds (keys of other types or uses left out). */
        List<PublicKey> usableKeys();

        /**
         * Fetches the JWKS again unless it was fetched within the key cache's minimum interval;
         * true when it was. For a key set that changed without a new kid: a kid-less key replaced,
         * a set that shrank to the one key a kid-less token needs.
         */
        default boolean refetch() {
            return false;
        }
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

    /**
     * The validated token, as Keycloak's type (every claim kept) for the provider and the mappers.
     *
     * @throws LoginGovLoginException naming the failed check
     */
    public JsonWebToken validate(String encodedToken) {
        if (encodedToken == null || encodedToken.isBlank()) {
            throw failure("Login.gov returned no id_token");
        }
        CompactJws jws = CompactJws.parse(encodedToken);
        JsonNode header = BoundedJson.object(jws.header())
                .orElseThrow(() -> failure("id_token header is not a JSON object or exceeds limits"));
        Optional<String> kid = IdTokenHeader.check(header);
        verifyWithLoginGovKeys(jws, kid);
        JsonNode claims = BoundedJson.object(jws.payload())
                .orElseThrow(() -> failure("id_token claims are not valid JSON or exceed limits"));
        new IdTokenClaims(expectedIssuer, clientId, clockSkew, maxAge, clock.instant()).check(claims);
        return asJsonWebToken(claims);
    }

    /**
     * The signature, by the key Login.gov publishes now. A token signed by a key Login.gov has just
     * published must not fail on keys cached before: an unknown kid makes the key cache fetch the
     * JWKS again ({@link KeyResolver#find}); any other failure of the key or the signature is tried
     * once more after {@link KeyResolver#refetch}, which the cache allows once per its minimum
     * interval. The rules stay the same on the fresh keys: a token is accepted only with a key of
     * the JWKS, RSA of at least 2048 bits, RS256.
     */
    private void verifyWithLoginGovKeys(CompactJws jws, Optional<String> kid) {
        try {
            verifySignature(jws, key(kid));
        } catch (LoginGovUnavailableException noKeys) {
            throw noKeys; // the JWKS could not be fetched (busy, down): asking again adds a call
        } catch (LoginGovLoginException onCachedKeys) {
            if (!keys.refetch()) {
                throw onCachedKeys;
            }
            verifySignature(jws, key(kid));
        }
    }

    /**
     * The key named by {@code kid}; without one, Login.gov's only key. Login.gov always sends a
     * kid, and during a rotation its JWKS holds two keys: guessing between them is refused.
     */
    private RSAPublicKey key(Optional<String> kid) {
        PublicKey key;
        if (kid.isPresent()) {
            key = keys.find(kid.get());
            if (key == null) {
                throw failure("id_token signed with a key that Login.gov's JWKS does not list (kid '"
                        + UntrustedText.quoted(kid.get()) + "')");
            }
        } else {
            List<PublicKey> usable = keys.usableKeys();
            if (usable.size() != 1) {
                throw failure("id_token has no kid and Login.gov's JWKS holds " + usable.size() + " usable keys");
            }
            key = usable.get(0);
        }
        if (!(key instanceof RSAPublicKey rsa)) {
            throw failure("Login.gov's key for this id_token is not an RSA key");
        }
        if (rsa.getModulus().bitLength() < MIN_RSA_KEY_BITS) {
            throw failure("Login.gov's key for this id_token is shorter than " + MIN_RSA_KEY_BITS + " bits");
        }
        return rsa;
    }

    private static void verifySignature(CompactJws jws, RSAPublicKey key) {
        boolean valid;
        try {
            valid = Rs256Signature.verifies(jws.signingInput(), jws.signature(), key);
        } catch (GeneralSecurityException e) {
            throw failure("id_token signature could not be verified");
        }
        if (!valid) {
            throw failure("id_token signature is invalid");
        }
    }

    private static JsonWebToken asJsonWebToken(JsonNode claims) {
        try {
            return JsonSerialization.mapper.treeToValue(claims, JsonWebToken.class);
        } catch (java.io.IOException | RuntimeException e) {
            throw failure("id_token claims could not be read as a JWT");
        }
    }

    private static LoginGovLoginException failure(String reason) {
        return new LoginGovLoginException(FailureCode.ID_TOKEN_INVALID, reason);
    }
}
