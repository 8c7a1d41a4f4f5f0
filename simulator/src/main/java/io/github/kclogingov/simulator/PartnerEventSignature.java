package io.github.kclogingov.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * The signature check of a partner's security event, as identity-idp's {@code validate_jwt} makes
 * it: {@code JWT.decode(body, key, true, algorithm: 'RS256')} against each certificate registered
 * for the service provider until one passes. When none passes, the last attempt's failure counts: a
 * header algorithm other than RS256 ({@code IncorrectAlgorithm}, err {@code jwtCrypto}) or a
 * signature that does not verify ({@code VerificationError}, err {@code jws}); with no certificate
 * to try (or no known service provider), {@link Outcome#NO_KEY} (err {@code jws}).
 */
final class PartnerEventSignature {

    enum Outcome {
        VERIFIED,
        WRONG_ALGORITHM,
        NOT_VERIFIED,
        NO_KEY
    }

    static final String ALGORITHM = "RS256";

    private PartnerEventSignature() {}

    static Outcome check(CompactJwt jwt, List<X509Certificate> certificates) {
        Outcome last = Outcome.NO_KEY;
        for (X509Certificate certificate : certificates) {
            last = checkOne(jwt, certificate);
            if (last == Outcome.VERIFIED) {
                return last;
            }
        }
        return last;
    }

    private static Outcome checkOne(CompactJwt jwt, X509Certificate certificate) {
        // ruby-jwt compares the header's alg before it looks at the signature; "none" is no exception.
        if (!ALGORITHM.equals(jwt.header().get("alg"))) {
            return Outcome.WRONG_ALGORITHM;
        }
        // Two parts with RS256 make ruby-jwt raise an error identity-idp does not rescue (a 500);
        // here it is a signature that does not verify, like any other missing or broken one.
        if (jwt.signature() == null) {
            return Outcome.NOT_VERIFIED;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(jwt.signingInput().getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(Base64.getUrlDecoder().decode(jwt.signature()))
                    ? Outcome.VERIFIED
                    : Outcome.NOT_VERIFIED;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Outcome.NOT_VERIFIED;
        }
    }
}
