package io.github.kclogingov.it.support;

import jakarta.ws.rs.core.Response;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.KeysMetadataRepresentation.KeyMetadataRepresentation;

/** Realm keys as an admin adds them under Realm settings > Keys > Providers, through the admin REST API. */
public final class RealmKeyComponents {

    public static final String KEY_PROVIDER_TYPE = "org.keycloak.keys.KeyProvider";

    private RealmKeyComponents() {}

    /** An {@code rsa-generated} key component with {@code config} (e.g. active=false); its id. */
    public static String addGenerated(RealmResource realm, String name, Map<String, String> config) {
        return add(realm, name, "rsa-generated", config);
    }

    /**
     * An {@code rsa} key component importing a fresh RSA-2048 key whose certificate ends after
     * {@code validity} (Keycloak refuses to import one already expired); passive unless {@code config} says
     * otherwise. Its id.
     */
    public static String addImported(RealmResource realm, String name, Duration validity, Map<String, String> config) {
        KeyPair pair = rsa2048();
        MultivaluedHashMap<String, String> values = new MultivaluedHashMap<>();
        values.putSingle(
                "privateKey",
                Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        values.putSingle(
                "certificate",
                ClientAssertionCertificate.base64(
                        certificate(pair, Instant.now().plus(validity))));
        values.putSingle("active", "false");
        config.forEach(values::putSingle);
        return add(realm, name, "rsa", values);
    }

    /** A component of Keycloak's {@code java-keystore} key provider with {@code config}. Its id. */
    public static String addKeystore(RealmResource realm, String name, Map<String, String> config) {
        return add(realm, name, "java-keystore", config);
    }

    private static String add(RealmResource realm, String name, String providerId, Map<String, String> config) {
        MultivaluedHashMap<String, String> values = new MultivaluedHashMap<>();
        config.forEach(values::putSingle);
        return add(realm, name, providerId, values);
    }

    private static String add(
            RealmResource realm, String name, String providerId, MultivaluedHashMap<String, String> config) {
        ComponentRepresentation component = new ComponentRepresentation();
        component.setName(name);
        component.setProviderId(providerId);
        component.setProviderType(KEY_PROVIDER_TYPE);
        component.setParentId(realm.toRepresentation().getId());
        component.setConfig(config);
        try (Response response = realm.components().add(component)) {
            if (response.getStatus() != 201) {
                throw new AssertionError("adding key " + name + " answered HTTP " + response.getStatus() + " "
                        + response.readEntity(String.class));
            }
            String location = response.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    /** The key component(s) named {@code name}. */
    public static List<ComponentRepresentation> named(RealmResource realm, String name) {
        return realm.components().query(realm.toRepresentation().getId(), KEY_PROVIDER_TYPE, name);
    }

    /** The key a component holds, as Realm settings > Keys lists it. */
    public static KeyMetadataRepresentation keyOf(RealmResource realm, String componentId) {
        return realm.keys().getKeyMetadata().getKeys().stream()
                .filter(key -> componentId.equals(key.getProviderId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no key from component " + componentId));
    }

    public static KeyMetadataRepresentation keyWithKid(RealmResource realm, String kid) {
        return realm.keys().getKeyMetadata().getKeys().stream()
                .filter(key -> kid.equals(key.getKid()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no key " + kid));
    }

    private static KeyPair rsa2048() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(KeyPair pair, Instant notAfter) {
        try {
            X500Name name = new X500Name("CN=short-lived client assertion key");
            return new JcaX509CertificateConverter()
                    .getCertificate(new JcaX509v3CertificateBuilder(
                                    name,
                                    BigInteger.valueOf(System.nanoTime()),
                                    Date.from(Instant.now().minus(Duration.ofDays(1))),
                                    Date.from(notAfter),
                                    name,
                                    pair.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
