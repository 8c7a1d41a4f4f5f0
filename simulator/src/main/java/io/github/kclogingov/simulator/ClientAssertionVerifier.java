package io.github.kclogingov.simulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.kclogingov.protocol.LoginGovProtocol;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Production's checks of a {@code private_key_jwt} client assertion. */
final class ClientAssertionVerifier {
    /**
     * Login.gov asks for assertions that live about five minutes; this much more is tolerated for
     * clock differences before one is refused as living too long.
     */
    static final Duration EXPIRY_SKEW = Duration.ofSeconds(60);

    /**
     * What a check found, kept whole for the recorder.
     *
     * @param certificateIndex the registered certificate whose key verified the signature, or null
     * @param error Login.gov-style free text, or null when the assertion passed
     */
    record Check(Map<String, Object> header, Map<String, Object> claims, Integer certificateIndex, String error) {
        boolean passed() {
            return error == null;
        }
    }

    private final String tokenEndpoint;
    private final Clock clock;
    private final JtiRegistry jtis;

    ClientAssertionVerifier(String tokenEndpoint, Clock clock, JtiRegistry jtis) {
        this.tokenEndpoint = tokenEndpoint;
        this.clock = clock;
        this.jtis = jtis;
    }

    Check verify(String assertion, ServiceProvider client) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(assertion);
        } catch (ParseException e) {
            return new Check(null, null, null, "client_assertion is not a signed JWT");
        }
        Map<String, Object> header = jwt.getHeader().toJSONObject();
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return new Check(header, null, null, "client_assertion claims cannot be read: " + e.getMessage());
        }
        Map<String, Object> claimMap = claims.toJSONObject(true);
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            return new Check(
                    header,
                    claimMap,
                    null,
                    "Expected a different algorithm: only " + LoginGovProtocol.SIGNING_ALGORITHM + " is accepted");
        }
        Integer certificate = verifyingCertificate(jwt, client);
        String error = certificate == null ? "Signature verification failed" : claimsError(claims, client.clientId());
        return new Check(header, claimMap, certificate, error);
    }

    /** The index of the first registered certificate whose key verifies the signature. */
    private static Integer verifyingCertificate(SignedJWT jwt, ServiceProvider client) {
        for (int i = 0; i < client.certificates().size(); i++) {
            try {
                if (jwt.verify(new RSASSAVerifier(
                        (RSAPublicKey) client.certificates().get(i).getPublicKey()))) {
                    return i;
                }
            } catch (JOSEException | IllegalStateException e) {
                // Not this certificate; try the next one.
            }
        }
        return null;
    }

    private String claimsError(JWTClaimsSet claims, String clientId) {
        if (!clientId.equals(claims.getIssuer())) {
            return "Invalid issuer. Expected " + clientId + ", received " + claims.getIssuer();
        }
        if (!clientId.equals(claims.getSubject())) {
            return "Invalid subject. Expected " + clientId + ", received " + claims.getSubject();
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(tokenEndpoint)) {
            return "Invalid audience claim, expected " + tokenEndpoint;
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank()) {
            return "Missing jti";
        }
        Instant now = clock.instant();
        Date expiration = claims.getExpirationTime();
        if (expiration == null) {
            return "Missing exp";
        }
        if (!now.isBefore(expiration.toInstant())) {
            return "Signature has expired";
        }
        if (expiration
                .toInstant()
                .isAfter(
                        now.plus(LoginGovProtocol.MAX_CLIENT_ASSERTION_LIFETIME).plus(EXPIRY_SKEW))) {
            return "exp is too far in the future: a client assertion may live "
                    + LoginGovProtocol.MAX_CLIENT_ASSERTION_LIFETIME.toMinutes() + " minutes";
        }
        Date issuedAt = claims.getIssueTime();
        if (issuedAt != null
                && issuedAt.toInstant().isAfter(now.plus(LoginGovProtocol.MAX_CLIENT_ASSERTION_IAT_FUTURE))) {
            return "Invalid iat: it is in the future";
        }
        if (!jtis.firstUse(clientId, jti, expiration.toInstant())) {
            return "jti has already been used";
        }
        return null;
    }
}
