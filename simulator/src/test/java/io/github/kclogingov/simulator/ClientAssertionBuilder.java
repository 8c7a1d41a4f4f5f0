package io.github.kclogingov.simulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** A real RS256 client assertion, valid unless a test changes one thing. */
final class ClientAssertionBuilder {
    private SelfSignedKey key = TestClients.KEY_A;
    private JWSAlgorithm algorithm = JWSAlgorithm.RS256;
    private String issuer;
    private String subject;
    private Object audience;
    private String jti = UUID.randomUUID().toString();
    private Instant expiresAt;
    private Instant issuedAt;

    private ClientAssertionBuilder(String clientId, LoginGovSimulator simulator, Clock clock) {
        Instant now = clock.instant();
        this.issuer = clientId;
        this.subject = clientId;
        this.audience = simulator.endpoints().token();
        this.expiresAt = now.plus(Duration.ofMinutes(4));
        this.issuedAt = now;
    }

    /** Times on the shared simulator's clock. */
    static ClientAssertionBuilder forClient(String clientId, LoginGovSimulator simulator) {
        return new ClientAssertionBuilder(clientId, simulator, SharedSimulator.CLOCK);
    }

    static ClientAssertionBuilder forClient(String clientId, LoginGovSimulator simulator, Clock clock) {
        return new ClientAssertionBuilder(clientId, simulator, clock);
    }

    ClientAssertionBuilder key(SelfSignedKey newKey) {
        this.key = newKey;
        return this;
    }

    ClientAssertionBuilder algorithm(JWSAlgorithm newAlgorithm) {
        this.algorithm = newAlgorithm;
        return this;
    }

    ClientAssertionBuilder issuer(String newIssuer) {
        this.issuer = newIssuer;
        return this;
    }

    ClientAssertionBuilder subject(String newSubject) {
        this.subject = newSubject;
        return this;
    }

    /** A String or a List of Strings. */
    ClientAssertionBuilder audience(Object newAudience) {
        this.audience = newAudience;
        return this;
    }

    ClientAssertionBuilder jti(String newJti) {
        this.jti = newJti;
        return this;
    }

    ClientAssertionBuilder expiresAt(Instant newExpiresAt) {
        this.expiresAt = newExpiresAt;
        return this;
    }

    ClientAssertionBuilder issuedAt(Instant newIssuedAt) {
        this.issuedAt = newIssuedAt;
        return this;
    }

    @SuppressWarnings("unchecked")
    String sign() {
        JWTClaimsSet.Builder claims =
                new JWTClaimsSet.Builder().issuer(issuer).subject(subject).jwtID(jti);
        if (audience instanceof List<?> list) {
            claims.audience((List<String>) list);
        } else {
            claims.audience((String) audience);
        }
        if (expiresAt != null) {
            claims.expirationTime(Date.from(expiresAt));
        }
        if (issuedAt != null) {
            claims.issueTime(Date.from(issuedAt));
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(algorithm).keyID("client-key").build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
