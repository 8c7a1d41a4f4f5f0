package io.github.kclogingov.benchmark.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.kclogingov.broker.signin.BoundedJson;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.keycloak.util.JsonSerialization;

/**
 * What one sign-in hands the provider, made as the simulator makes it: Login.gov's RSA-2048 key,
 * an id_token with every claim a verified sign-in releases (RS256, {@code kid} header only), the
 * matching userinfo answer and access token; and the realm's RSA-3072 client-assertion key, the
 * size {@code GeneratedClientAssertionKey} generates.
 */
final class SignInMaterial {
    static final String ISSUER = "http://localhost:8081/";
    static final String CLIENT_ID = "urn:gov:gsa:openidconnect.profiles:sp:sso:agency:app";
    static final String TOKEN_URL = ISSUER + "api/openid_connect/token";
    static final String AUTHORIZATION_URL = ISSUER + "openid_connect/authorize";
    static final String REDIRECT_URI = "http://localhost:8080/realms/demo/broker/logingov/endpoint";
    static final String ACR = "urn:acr.login.gov:verified";
    static final String KID = "login-gov-primary";
    /** Login.gov's id_token key; the simulator's are RSA-2048 too. */
    static final int LOGIN_GOV_KEY_BITS = 2048;
    /** The client-assertion key GeneratedClientAssertionKey makes. */
    static final int CLIENT_ASSERTION_KEY_BITS = 3072;

    final KeyPair loginGovKey;
    final KeyPair clientAssertionKey;
    final String nonce = "n-" + UUID.randomUUID();
    final String accessToken = UUID.randomUUID().toString();
    final String subject = UUID.randomUUID().toString();

    SignInMaterial() {
        this.loginGovKey = rsa(LOGIN_GOV_KEY_BITS);
        this.clientAssertionKey = rsa(CLIENT_ASSERTION_KEY_BITS);
    }

    /** A fresh id_token issued now (the validator refuses one older than its maximum age). */
    String idToken() {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .audience(CLIENT_ID)
                .claim("acr", ACR)
                .claim("nonce", nonce)
                .jwtID(UUID.randomUUID().toString())
                .claim("at_hash", halfHash(accessToken))
                .claim("c_hash", halfHash(UUID.randomUUID().toString()))
                .expirationTime(Date.from(now.plusSeconds(900)))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now));
        userinfoClaims().forEach((name, value) -> {
            if (!name.equals("sub") && !name.equals("iss")) {
                claims.claim(name, value);
            }
        });
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KID).build(), claims.build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) loginGovKey.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the simulator's userinfo answers for its "verified" persona at a verified level. */
    Map<String, Object> userinfoClaims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("iss", ISSUER);
        claims.put("ial", ACR);
        claims.put("aal", "urn:gov:gsa:ac:classes:sp:PasswordProtectedTransport:duo");
        claims.put("email", "jordan.verified+1@example.com");
        claims.put("email_verified", true);
        claims.put("all_emails", List.of("jordan.verified+1@example.com", "jordan.v+1@example.org"));
        claims.put("locale", "en");
        claims.put("given_name", "Jordan");
        claims.put("family_name", "Verified");
        claims.put("birthdate", "1985-04-12");
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("formatted", "123 Fictional Avenue\nApartment 4\nTestville, MD 20999");
        address.put("street_address", "123 Fictional Avenue\nApartment 4");
        address.put("locality", "Testville");
        address.put("region", "MD");
        address.put("postal_code", "20999");
        claims.put("address", address);
        claims.put("phone", "+12025550143");
        claims.put("phone_verified", true);
        claims.put("verified_at", 1709307000L);
        // The x509 scope's claims, as for a person who signed in with a PIV/CAC.
        claims.put("x509_subject", "C=US, O=U.S. Government, OU=Example Agency, CN=JORDAN VERIFIED");
        claims.put("x509_issuer", "C=US, O=U.S. Government, OU=Example CA, CN=Example PIV Issuing CA");
        claims.put("x509_presented", true);
        return claims;
    }

    /** The userinfo answer as Keycloak's HTTP client hands it over: bytes, parsed by the provider. */
    byte[] userinfoBytes() {
        try {
            return JsonSerialization.writeValueAsBytes(userinfoClaims());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode userinfo() {
        return BoundedJson.object(userinfoBytes()).orElseThrow();
    }

    private static String halfHash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
