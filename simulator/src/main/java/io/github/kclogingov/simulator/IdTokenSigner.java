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
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an id_token's payload text into a compact JWS as production does (RS256 by the primary key,
 * {@code kid} header), or into the header and signature defects of an {@link IdTokenFault}. The
 * payload is taken as text so the payload faults can hold JSON no library would write.
 */
final class IdTokenSigner {
    static final String ATTACKER_JKU = "https://attacker.invalid/jwks";
    static final String ATTACKER_X5U = "https://attacker.invalid/cert.pem";
    static final String CRITICAL_PARAMETER = "exp-ext";
    /** The value of the critical {@code exp-ext} header: 2100-01-01, an expiry "extension" nobody understands. */
    static final long CRITICAL_PARAMETER_VALUE = 4_102_444_800L;

    static final JOSEObjectType OTHER_TYPE = new JOSEObjectType("secevent+jwt");

    private final SigningKeys keys;

    IdTokenSigner(SigningKeys keys) {
        this.keys = keys;
    }

    String sign(String payloadText, IdTokenFault fault) {
        Payload payload = new Payload(payloadText);
        RSAKey primary = keys.primary();
        try {
            if (fault == null) {
                return byPrimary(payload, primary);
            }
            return switch (fault) {
                case NONE_ALG ->
                    new PlainObject(
                                    new PlainHeader.Builder()
                                            .type(JOSEObjectType.JWT)
                                            .build(),
                                    payload)
                            .serialize();
                case ALG_NONE_LOWER -> unsecured("none", payloadText, primary);
                case ALG_NONE_CAPITALISED -> unsecured("None", payloadText, primary);
                case ALG_NONE_UPPER -> unsecured("NONE", payloadText, primary);
                case ALG_NONE_MIXED -> unsecured("nOnE", payloadText, primary);
                case HS256 -> hmacWithPublicKey(payload, primary);
                case JWK_HEADER, JKU_HEADER, X5U_HEADER, X5C_HEADER -> byAttacker(fault, payload, primary);
                case SIGNED_BY_UNKNOWN_KEY ->
                    rs256(
                            new JWSHeader.Builder(JWSAlgorithm.RS256)
                                    .keyID(keys.unpublished().getKeyID()),
                            payload,
                            keys.unpublished());
                case NO_KID -> rs256(new JWSHeader.Builder(JWSAlgorithm.RS256), payload, primary);
                case CRIT_HEADER ->
                    rs256(
                            new JWSHeader.Builder(JWSAlgorithm.RS256)
                                    .keyID(primary.getKeyID())
                                    .criticalParams(Set.of(CRITICAL_PARAMETER))
                                    .customParam(CRITICAL_PARAMETER, CRITICAL_PARAMETER_VALUE),
                            payload,
                            primary);
                case TYP_OTHER ->
                    rs256(
                            new JWSHeader.Builder(JWSAlgorithm.RS256)
                                    .keyID(primary.getKeyID())
                                    .type(OTHER_TYPE),
                            payload,
                            primary);
                case TAMPERED_SIGNATURE -> tamper(byPrimary(payload, primary));
                // The claim faults are already in the payload; the signature is production's.
                default -> byPrimary(payload, primary);
            };
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the id_token", e);
        }
    }

    /** Production's token: RS256 by the primary key, header {@code alg} and {@code kid} only. */
    private static String byPrimary(Payload payload, RSAKey primary) throws JOSEException {
        return rs256(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(primary.getKeyID()), payload, primary);
    }

    private static String rs256(JWSHeader.Builder header, Payload payload, RSAKey key) throws JOSEException {
        JWSObject token = new JWSObject(header.build(), payload);
        token.sign(new RSASSASigner(key));
        return token.serialize();
    }

    /**
     * Written by hand: nimbus reads any spelling of "none" as its one {@code Algorithm.NONE}. The
     * primary's {@code kid} stays, so the algorithm is the only thing wrong.
     */
    private static String unsecured(String algorithm, String payloadText, RSAKey primary) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", algorithm);
        header.put("kid", primary.getKeyID());
        return Base64URL.encode(JSONObjectUtils.toJSONString(header)) + "."
                + Base64URL.encode(payloadText.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /**
     * Key injection: signed by the attacker, who names the primary's {@code kid} and points at (or
     * embeds) their own key, hoping the relying party trusts the header over its JWKS.
     */
    private String byAttacker(IdTokenFault fault, Payload payload, RSAKey primary) throws JOSEException {
        SelfSignedKey attacker = keys.attacker();
        RSAKey attackerKey = new RSAKey.Builder(attacker.publicKey())
                .privateKey(attacker.privateKey())
                .keyID(primary.getKeyID())
                .build();
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(primary.getKeyID());
        switch (fault) {
            case JWK_HEADER -> header.jwk(attackerKey.toPublicJWK());
            case JKU_HEADER -> header.jwkURL(URI.create(ATTACKER_JKU));
            case X5U_HEADER -> header.x509CertURL(URI.create(ATTACKER_X5U));
            default -> header.x509CertChain(List.of(encoded(attacker)));
        }
        return rs256(header, payload, attackerKey);
    }

    private static Base64 encoded(SelfSignedKey key) {
        try {
            return Base64.encode(key.certificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Cannot encode the attacker certificate", e);
        }
    }

    /** The classic algorithm-confusion attack: the RSA public key, as PEM text, used as an HMAC secret. */
    private static String hmacWithPublicKey(Payload payload, RSAKey primary) throws JOSEException {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
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
