package io.github.kclogingov.broker.signin;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPublicKey;

/**
 * The one RS256 check of what Login.gov signs: its id_tokens and its security events. Each caller
 * turns the answer into its own refusal.
 */
public final class Rs256Signature {

    private Rs256Signature() {}

    /**
     * Whether {@code signature} is {@code key}'s RS256 signature of {@code signingInput}; a
     * signature of the wrong length, for instance, is simply not valid.
     *
     * @throws GeneralSecurityException when the check itself cannot be made (no RS256 here, a key
     *     the JDK refuses)
     */
    public static boolean verifies(byte[] signingInput, byte[] signature, RSAPublicKey key)
            throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(key);
        verifier.update(signingInput);
        try {
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false;
        }
    }
}
