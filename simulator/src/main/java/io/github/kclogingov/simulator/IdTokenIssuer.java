package io.github.kclogingov.simulator;

import static io.github.kclogingov.simulator.IdTokenFault.AT_HASH_MISMATCH;
import static io.github.kclogingov.simulator.IdTokenFault.AUDIENCE_ONE_ELEMENT_ARRAY;
import static io.github.kclogingov.simulator.IdTokenFault.DEEPLY_NESTED;
import static io.github.kclogingov.simulator.IdTokenFault.EMPTY_ISSUER;
import static io.github.kclogingov.simulator.IdTokenFault.EXPIRED;
import static io.github.kclogingov.simulator.IdTokenFault.EXTRA_AUDIENCE;
import static io.github.kclogingov.simulator.IdTokenFault.HOSTILE_VERIFIED_AT;
import static io.github.kclogingov.simulator.IdTokenFault.IAT_FAR_PAST;
import static io.github.kclogingov.simulator.IdTokenFault.IAT_IN_FUTURE;
import static io.github.kclogingov.simulator.IdTokenFault.LONG_STRING_CLAIM;
import static io.github.kclogingov.simulator.IdTokenFault.MISSING_AUDIENCE;
import static io.github.kclogingov.simulator.IdTokenFault.MISSING_EXP;
import static io.github.kclogingov.simulator.IdTokenFault.MISSING_IAT;
import static io.github.kclogingov.simulator.IdTokenFault.MISSING_ISSUER;
import static io.github.kclogingov.simulator.IdTokenFault.MISSING_NONCE;
import static io.github.kclogingov.simulator.IdTokenFault.NBF_IN_FUTURE;
import static io.github.kclogingov.simulator.IdTokenFault.OVERSIZED;
import static io.github.kclogingov.simulator.IdTokenFault.WRONG_AUDIENCE;
import static io.github.kclogingov.simulator.IdTokenFault.WRONG_ISSUER;
import static io.github.kclogingov.simulator.IdTokenFault.WRONG_NONCE;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.kclogingov.protocol.LoginGovClaims;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds id_tokens as production does, with the claim and payload defects of an optional one-shot
 * {@link IdTokenFault}; {@link IdTokenSigner} adds the header and signature ones.
 */
final class IdTokenIssuer {
    static final String WRONG_ISSUER_URL = "https://idp.wrong-issuer.invalid/";
    static final String OTHER_AUDIENCE = "urn:gov:gsa:openidconnect.profiles:sp:sso:other-agency:other-app";
    static final Duration ONE_DAY = Duration.ofDays(1);

    private final SimulatorContext context;
    private final IdTokenSigner signer;

    IdTokenIssuer(SimulatorContext context) {
        this.context = context;
        this.signer = new IdTokenSigner(context.keys);
    }

    /**
     * @param assurance what the id_token and its userinfo assert; the caller applied the assurance
     *     faults ({@link IdTokenFault#MISSING_AAL}, {@link IdTokenFault#STALE_AUTH_TIME}) to it
     */
    String issue(
            Grant grant,
            AssertedAssurance assurance,
            SessionRemainder session,
            String accessToken,
            String code,
            IdTokenFault fault) {
        return signer.sign(payloadText(claims(grant, assurance, session, accessToken, code, fault), fault), fault);
    }

    private Map<String, Object> claims(
            Grant grant,
            AssertedAssurance assurance,
            SessionRemainder session,
            String accessToken,
            String code,
            IdTokenFault fault) {
        long now = context.clock.instant().getEpochSecond();
        long issuedAt = issuedAt(now, fault);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(LoginGovClaims.ISS, issuer(fault));
        claims.put(LoginGovClaims.SUB, grant.subject());
        String clientId = grant.client().clientId();
        if (fault != MISSING_AUDIENCE) {
            claims.put("aud", audience(clientId, fault));
        }
        if (assurance.acr() != null) {
            claims.put(LoginGovClaims.ACR, assurance.acr());
        }
        if (fault != MISSING_NONCE) {
            claims.put(
                    LoginGovClaims.NONCE,
                    fault == WRONG_NONCE
                            ? "wrong-" + UUID.randomUUID()
                            : grant.request().nonce());
        }
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("at_hash", halfHash(fault == AT_HASH_MISMATCH ? "not-" + accessToken : accessToken));
        claims.put("c_hash", halfHash(code));
        if (fault != MISSING_EXP) {
            // The end of the person's Login.gov session, as identity-idp's IdTokenBuilder sets it.
            claims.put("exp", fault == EXPIRED ? now - 60 : session.end().getEpochSecond());
        }
        if (fault != MISSING_IAT) {
            claims.put("iat", issuedAt);
        }
        claims.put("nbf", fault == NBF_IN_FUTURE ? now + 3600 : issuedAt);
        // Every userinfo claim the scopes release, from the same source as userinfo (the persona as
        // it is now, the session as it is now); iss and sub are already set (perhaps by a fault).
        // Switched off, only the assurance claims stay.
        Map<String, Object> released = context.idTokenCarriesUserinfo()
                ? ReleasedClaims.userinfo(
                        context.current(grant), assurance, context.endpoints.issuer(), session.alive())
                : ReleasedClaims.assurance(grant, assurance, context.endpoints.issuer());
        released.forEach(claims::putIfAbsent);
        if (fault == MISSING_ISSUER) {
            claims.remove(LoginGovClaims.ISS);
        } else if (fault == LONG_STRING_CLAIM) {
            claims.put(LoginGovClaims.GIVEN_NAME, HostileJson.filler(HostileJson.LONG_STRING_CHARS));
        } else if (fault == OVERSIZED) {
            claims.put(HostileJson.OVERSIZED_MEMBER, HostileJson.filler(HostileJson.OVERSIZED_CHARS));
        }
        return claims;
    }

    /** EXPIRED keeps iat recent (two minutes ago) so only exp is wrong. */
    private static long issuedAt(long now, IdTokenFault fault) {
        if (fault == IAT_IN_FUTURE) {
            return now + 3600;
        }
        if (fault == EXPIRED) {
            return now - 120;
        }
        return fault == IAT_FAR_PAST ? now - ONE_DAY.toSeconds() : now;
    }

    private String issuer(IdTokenFault fault) {
        if (fault == WRONG_ISSUER) {
            return WRONG_ISSUER_URL;
        }
        return fault == EMPTY_ISSUER ? "" : context.endpoints.issuer();
    }

    private static Object audience(String clientId, IdTokenFault fault) {
        if (fault == EXTRA_AUDIENCE) {
            return List.of(clientId, OTHER_AUDIENCE);
        }
        if (fault == WRONG_AUDIENCE) {
            return OTHER_AUDIENCE;
        }
        return fault == AUDIENCE_ONE_ELEMENT_ARRAY ? List.of(clientId) : clientId;
    }

    /** The faults whose JSON no library writes are spliced into the text. */
    private static String payloadText(Map<String, Object> claims, IdTokenFault fault) {
        if (fault == DEEPLY_NESTED) {
            return HostileJson.withRawMember(
                    claims, HostileJson.NESTED_MEMBER, HostileJson.nestedArrays(HostileJson.NESTING_DEPTH));
        }
        if (fault == HOSTILE_VERIFIED_AT) {
            return HostileJson.withRawMember(claims, LoginGovClaims.VERIFIED_AT, HostileJson.HUGE_NUMBER);
        }
        return JSONObjectUtils.toJSONString(claims);
    }

    /** OpenID Connect's at_hash / c_hash for RS256: the left half of the SHA-256, base64url. */
    static String halfHash(String value) {
        byte[] digest = Pkce.sha256(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
    }
}
