package io.github.kclogingov.simulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.PlainObject;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import io.github.kclogingov.protocol.LoginGovClaims;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds and signs id_tokens as production does, with an optional one-shot {@link IdTokenFault}. */
final class IdTokenIssuer {
    static final String WRONG_ISSUER = "https://idp.wrong-issuer.invalid/";
    static final String OTHER_AUDIENCE = "urn:gov:gsa:openidconnect.profiles:sp:sso:other-agency:other-app";

    private final SimulatorContext context;

    IdTokenIssuer(SimulatorContext context) {
        this.context = context;
    }

    String issue(Grant grant, AssertedAssurance assurance, String accessToken, String code, IdTokenFault fault) {
        return sign(claims(grant, assurance, accessToken, code, fault), fault);
    }

    private Map<String, Object> claims(
            Grant grant, AssertedAssurance assurance, String accessToken, String code, IdTokenFault fault) {
        long now = context.clock.instant().getEpochSecond();
        long issuedAt = fault == IdTokenFault.IAT_IN_FUTURE ? now + 3600 : now;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(LoginGovClaims.ISS, fault == IdTokenFault.WRONG_ISSUER ? WRONG_ISSUER : context.endpoints.issuer());
        claims.put(LoginGovClaims.SUB, grant.subject());
        String clientId = grant.client().clientId();
        claims.put("aud", fault == IdTokenFault.EXTRA_AUDIENCE ? List.of(clientId, OTHER_AUDIENCE) : clientId);
        if (assurance.acr() != null) {
            claims.put(LoginGovClaims.ACR, assurance.acr());
        }
        claims.put(
                LoginGovClaims.NONCE,
                fault == IdTokenFault.WRONG_NONCE
                        ? "wrong-" + UUID.randomUUID()
                        : grant.request().nonce());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("at_hash", halfHash(accessToken));
        claims.put("c_hash", halfHash(code));
        if (fault != IdTokenFault.MISSING_EXP) {
            claims.put("exp", now + AccessTokens.LIFETIME.toSeconds());
        }
        if (fault != IdTokenFault.MISSING_IAT) {
            claims.put("iat", issuedAt);
        }
        claims.put("nbf", issuedAt);
        // Every userinfo claim the scopes release, from the same source as userinfo (the persona as
        // it is now); iss and sub are already set (perhaps by a fault).
        ReleasedClaims.userinfo(context.current(grant), assurance, context.endpoints.issuer())
                .forEach(claims::putIfAbsent);
        return claims;
    }

    /** OpenID Connect's at_hash / c_hash for RS256: the left half of the SHA-256, base64url. */
    static String halfHash(String value) {
        byte[] digest = Pkce.sha256(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
    }

    private String sign(Map<String, Object> claims, IdTokenFault fault) {
        Payload payload = new Payload(claims);
        RSAKey primary = context.keys.primary();
        try {
            if (fault == IdTokenFault.NONE_ALG) {
                return new PlainObject(
                                new PlainHeader.Builder()
                                        .type(JOSEObjectType.JWT)
                                        .build(),
                                payload)
                        .serialize();
            }
            if (fault == IdTokenFault.HS256) {
                return hmacWithPublicKey(payload, primary);
            }
            RSAKey key = fault == IdTokenFault.SIGNED_BY_UNKNOWN_KEY ? context.keys.unpublished() : primary;
            JWSObject token = new JWSObject(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    payload);
            token.sign(new RSASSASigner(key));
            String serialized = token.serialize();
            return fault == IdTokenFault.TAMPERED_SIGNATURE ? tamper(serialized) : serialized;
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the id_token", e);
        }
    }

    /** The classic algorithm-confusion attack: the RSA public key, as PEM text, used as an HMAC secret. */
    private static String hmacWithPublicKey(Payload payload, RSAKey primary) throws JOSEException {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(primary.toRSAPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        JWSObject token = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(primary.getKeyID())
                        .build(),
                payload);
        token.sign(new MACSigner(pem.getBytes(StandardCharsets.US_ASCII)));
        return token.serialize();
    }

    /** Flips the bits of the signature's first byte: same length, same key id, invalid. */
    private static String tamper(String serialized) {
        int lastDot = serialized.lastIndexOf('.');
        byte[] signature = new Base64URL(serialized.substring(lastDot + 1)).decode();
        signature[0] = (byte) ~signature[0];
        return serialized.substring(0, lastDot + 1) + Base64URL.encode(signature);
    }
}
