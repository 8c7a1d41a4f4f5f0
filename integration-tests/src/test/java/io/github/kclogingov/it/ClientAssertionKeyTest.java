package io.github.kclogingov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.ClientAssertionCertificate;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.PrivateKeys;
import io.github.kclogingov.it.support.RealmKeyComponents;
import io.github.kclogingov.it.support.ServerLog;
import io.github.kclogingov.protocol.Registration;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.KeysMetadataRepresentation.KeyMetadataRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.util.JsonSerialization;

/**
 * The client assertion key's life as an admin meets it: a new provider gets a passive key of its
 * own, its certificate is downloaded for the partner portal, a key that cannot sign for Login.gov
 * is refused on save, an import keeps the key it names, and the private key never leaves Keycloak.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class ClientAssertionKeyTest extends BrokerIntegrationTest {

    private static final String NO_KEY = "";

    @BeforeEach
    void realm() {
        realm = realmOfThisClass("clientkey", Registration.VERIFIED);
    }

    /** Creates a Login.gov provider through the admin REST API; the HTTP status and Keycloak's error text. */
    private Response create(String alias, Map<String, String> config) {
        return realm.resource().identityProviders().create(BrokerRealm.newIdentityProvider(alias, config));
    }

    private void createAccepted(String alias, Map<String, String> config) {
        try (Response response = create(alias, config)) {
            assertEquals(201, response.getStatus(), () -> response.readEntity(String.class));
        }
    }

    private String refusal(String alias, String kid) {
        try (Response response = create(alias, Map.of("logingovSigningKeyId", kid))) {
            assertEquals(400, response.getStatus(), "a key that cannot sign for Login.gov is refused");
            return response.readEntity(String.class);
        }
    }

    private Map<String, String> saved(String alias) {
        return realm.resource()
                .identityProviders()
                .get(alias)
                .toRepresentation()
                .getConfig();
    }

    private String activeRs256Kid() {
        return realm.resource().keys().getKeyMetadata().getActive().get("RS256");
    }

    @Test
    void a_new_provider_without_a_key_gets_a_passive_key_of_its_own() {
        String activeBefore = activeRs256Kid();
        createAccepted("made", Map.of("logingovSigningKeyId", NO_KEY));

        Map<String, String> config = saved("made");
        String kid = config.get("logingovSigningKeyId");
        assertNotNull(kid, "the generated key's kid is saved");
        List<ComponentRepresentation> components =
                RealmKeyComponents.named(realm.resource(), "Login.gov client assertion key (identity provider made)");
        assertEquals(1, components.size(), () -> "components: " + components);
        ComponentRepresentation component = components.get(0);
        assertEquals("rsa-generated", component.getProviderId());
        assertEquals("false", component.getConfig().getFirst("active"));
        assertEquals("true", component.getConfig().getFirst("enabled"));
        assertEquals("3072", component.getConfig().getFirst("keySize"));

        KeyMetadataRepresentation key = RealmKeyComponents.keyOf(realm.resource(), component.getId());
        assertEquals(kid, key.getKid());
        assertEquals("PASSIVE", key.getStatus());
        assertEquals("RSA", key.getType());
        assertEquals("RS256", key.getAlgorithm());
        assertEquals(activeBefore, activeRs256Kid(), "the realm's own signing key is unchanged");

        X509Certificate certificate = ClientAssertionCertificate.fromBase64(key.getCertificate());
        assertEquals(
                "CN=clientkey, expires "
                        + certificate
                                .getNotAfter()
                                .toInstant()
                                .atOffset(ZoneOffset.UTC)
                                .toLocalDate(),
                config.get("logingovSigningKeyCertificate"));
        assertEquals(ClientAssertionCertificate.url(realm, "made"), config.get("logingovSigningKeyCertificateUrl"));

        // Saving again keeps the key: no second one.
        IdentityProviderRepresentation provider =
                realm.resource().identityProviders().get("made").toRepresentation();
        realm.resource().identityProviders().get("made").update(provider);
        // Emptying the field of a saved provider would switch it to a key Login.gov does not know: refused.
        provider.getConfig().remove("logingovSigningKeyId");
        BadRequestException emptied = assertThrows(
                BadRequestException.class,
                () -> realm.resource().identityProviders().get("made").update(provider));
        assertTrue(emptied.getResponse().readEntity(String.class).contains("Keep the current kid"));
        assertEquals(kid, saved("made").get("logingovSigningKeyId"));
        assertEquals(
                1,
                RealmKeyComponents.named(realm.resource(), "Login.gov client assertion key (identity provider made)")
                        .size());
    }

    @Test
    void the_certificate_is_downloaded_as_pem_without_credentials() {
        createAccepted("download", Map.of("logingovSigningKeyId", NO_KEY));
        String kid = saved("download").get("logingovSigningKeyId");

        HttpResponse<String> response = ClientAssertionCertificate.download(realm, "download");
        assertEquals(200, response.statusCode(), response::body);
        assertEquals(
                "application/x-pem-file",
                response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(
                "attachment; filename=\"logingov-clientkey-download.pem\"",
                response.headers().firstValue("Content-Disposition").orElse(""));
        List<String> lines = response.body().lines().toList();
        assertEquals("-----BEGIN CERTIFICATE-----", lines.get(0));
        assertEquals("-----END CERTIFICATE-----", lines.get(lines.size() - 1));
        lines.subList(1, lines.size() - 2).forEach(line -> assertEquals(64, line.length(), line));
        assertEquals(
                ClientAssertionCertificate.fromBase64(
                        RealmKeyComponents.keyWithKid(realm.resource(), kid).getCertificate()),
                ClientAssertionCertificate.parse(response.body()));

        // The next key of a rotation, before the provider switches to it.
        String next = RealmKeyComponents.addGenerated(
                realm.resource(), "download next", Map.of("active", "false", "priority", "0"));
        KeyMetadataRepresentation nextKey = RealmKeyComponents.keyOf(realm.resource(), next);
        HttpResponse<String> nextResponse = ClientAssertionCertificate.download(realm, "download", nextKey.getKid());
        assertEquals(200, nextResponse.statusCode());
        assertEquals(
                ClientAssertionCertificate.fromBase64(nextKey.getCertificate()),
                ClientAssertionCertificate.parse(nextResponse.body()));
        // Not a key the provider could be saved with (the realm's active one): nothing.
        assertNotFound(ClientAssertionCertificate.download(realm, "download", activeRs256Kid()));
        assertNotFound(ClientAssertionCertificate.download(realm, "download", "no-such-kid"));
    }

    @Test
    void an_unknown_alias_another_provider_type_or_a_pkce_provider_has_no_certificate() {
        assertNotFound(ClientAssertionCertificate.download(realm, "nobody"));

        IdentityProviderRepresentation oidc = new IdentityProviderRepresentation();
        oidc.setAlias("plain-oidc");
        oidc.setProviderId("oidc");
        oidc.setConfig(new HashMap<>(Map.of(
                "clientId", "app",
                "clientSecret", "secret",
                "authorizationUrl", "https://idp.example.gov/authorize",
                "tokenUrl", "https://idp.example.gov/token",
                "validateSignature", "false")));
        try (Response response = realm.resource().identityProviders().create(oidc)) {
            assertEquals(201, response.getStatus(), () -> response.readEntity(String.class));
        }
        assertNotFound(ClientAssertionCertificate.download(realm, "plain-oidc"));

        createAccepted("pkce", Map.of("logingovClientAuthentication", "pkce", "logingovSigningKeyId", NO_KEY));
        assertFalse(saved("pkce").containsKey("logingovSigningKeyId"), "a PKCE provider gets no key");
        assertFalse(saved("pkce").containsKey("logingovSigningKeyCertificate"));
        assertNotFound(ClientAssertionCertificate.download(realm, "pkce"));
    }

    private static void assertNotFound(HttpResponse<String> response) {
        assertEquals(404, response.statusCode());
        assertEquals("", response.body(), "no detail");
    }

    @Test
    void a_kid_the_realm_does_not_have_is_refused() {
        String refusal = refusal("typo", "no-such-kid");
        assertTrue(refusal.contains("Client assertion key ID: this realm has no key with kid 'no-such-kid'"), refusal);
    }

    @Test
    void the_realm_active_key_is_refused() {
        String refusal = refusal("active", activeRs256Kid());
        assertTrue(refusal.contains("is active, so it also signs Keycloak's own tokens"), refusal);
    }

    @Test
    void a_disabled_key_is_refused() {
        String component = RealmKeyComponents.addGenerated(
                realm.resource(), "disabled key", Map.of("active", "false", "enabled", "false"));
        String refusal = refusal(
                "disabled",
                RealmKeyComponents.keyOf(realm.resource(), component).getKid());
        assertTrue(refusal.contains("is disabled, so it cannot sign"), refusal);
    }

    @Test
    void every_problem_of_a_key_is_reported_at_once() {
        String component = RealmKeyComponents.addGenerated(
                realm.resource(), "ps256 key", Map.of("active", "true", "algorithm", "PS256"));
        String refusal = refusal(
                "several", RealmKeyComponents.keyOf(realm.resource(), component).getKid());
        assertTrue(refusal.contains("is active") && refusal.contains("is for PS256"), refusal);
        assertTrue(
                refusal.contains("2 Login.gov settings need a change: (1) Client assertion key ID: ")
                        && refusal.contains(" (2) Client assertion key ID: "),
                "one refusal, each problem numbered: " + refusal);
        realm.resource().components().component(component).remove();
    }

    @Test
    void an_expired_certificate_is_refused_and_one_expiring_soon_is_accepted_with_a_warning()
            throws InterruptedException {
        // Keycloak refuses to import an expired certificate, so this one expires after its import.
        String expiring =
                RealmKeyComponents.addImported(realm.resource(), "expiring key", Duration.ofSeconds(4), Map.of());
        String soon = RealmKeyComponents.addImported(realm.resource(), "soon key", Duration.ofDays(20), Map.of());
        String expiredKid = RealmKeyComponents.keyOf(realm.resource(), expiring).getKid();
        KeyMetadataRepresentation soonKey = RealmKeyComponents.keyOf(realm.resource(), soon);
        Thread.sleep(Duration.ofSeconds(5).toMillis());

        String refusal = refusal("expired", expiredKid);
        assertTrue(refusal.contains("has a certificate that expired on"), refusal);
        assertTrue(refusal.contains("upload its certificate to the Login.gov partner portal"), refusal);

        createAccepted("soon", Map.of("logingovSigningKeyId", soonKey.getKid()));
        String expiry = ClientAssertionCertificate.fromBase64(soonKey.getCertificate())
                .getNotAfter()
                .toInstant()
                .atOffset(ZoneOffset.UTC)
                .toLocalDate()
                .toString();
        assertTrue(
                ServerLog.content()
                        .contains("Login.gov provider 'soon': the certificate of its client assertion key expires on "
                                + expiry),
                "a WARN line names the provider and the expiry");
    }

    @Test
    void an_imported_realm_keeps_the_key_it_names() {
        Map<String, String> config = realm.identityProvider().getConfig();
        assertEquals(BrokerRealm.KEY_ID, config.get("logingovSigningKeyId"));
        assertTrue(
                RealmKeyComponents.named(
                                realm.resource(), "Login.gov client assertion key (identity provider logingov)")
                        .isEmpty(),
                "no other key was made");
        assertTrue(
                config.get("logingovSigningKeyCertificate")
                        .startsWith("CN=clientkey Login.gov client assertion, expires "),
                () -> "the imported key's certificate is shown: " + config);
        assertTrue(config.get("logingovSigningKeyCertificateUrl")
                .endsWith("/realms/clientkey/logingov/logingov/client-assertion-certificate.pem"));
    }

    @Test
    void an_imported_provider_without_a_key_gets_one_once_the_realm_keys_exist() {
        RealmRepresentation imported = BrokerRealm.realmExport(Map.of(
                "LOGINGOV_BASE_URL", simulator.issuer(),
                "LOGINGOV_CLIENT_ID", "urn:gov:gsa:openidconnect.profiles:sp:sso:test:clientkey-import",
                "LOGINGOV_CLIENT_ASSERTION_PRIVATE_KEY",
                        realm.clientAssertionKey().privateKeyPkcs8Base64(),
                "LOGINGOV_CLIENT_ASSERTION_CERTIFICATE",
                        realm.clientAssertionKey().certificateBase64()));
        imported.setRealm("clientkey-import");
        imported.getIdentityProviders().get(0).getConfig().remove("logingovSigningKeyId");
        // No keys at all: Keycloak makes the realm's defaults after the identity providers, and the
        // key made for the provider must not keep it from doing so.
        imported.getComponents().remove(RealmKeyComponents.KEY_PROVIDER_TYPE);
        if (admin.realms().findAll().stream().anyMatch(r -> r.getRealm().equals("clientkey-import"))) {
            admin.realm("clientkey-import").remove();
        }
        admin.realms().create(imported);
        try {
            var importedRealm = admin.realm("clientkey-import");
            String kid = importedRealm
                    .identityProviders()
                    .get("logingov")
                    .toRepresentation()
                    .getConfig()
                    .get("logingovSigningKeyId");
            assertNotNull(kid, "a key was generated after the import");
            KeyMetadataRepresentation key = RealmKeyComponents.keyWithKid(importedRealm, kid);
            assertEquals("PASSIVE", key.getStatus());
            String active = importedRealm.keys().getKeyMetadata().getActive().get("RS256");
            assertNotNull(active, "the realm still got its default active keys");
            assertNotEquals(kid, active);
        } finally {
            admin.realm("clientkey-import").remove();
        }
    }

    @Test
    void no_private_key_leaves_keycloak_through_the_api_an_export_the_pem_url_or_the_log() throws IOException {
        createAccepted("leakcheck", Map.of("logingovSigningKeyId", NO_KEY));
        String importedKey = realm.clientAssertionKey().privateKeyPkcs8Base64();
        assertFalse(PrivateKeys.in(importedKey).isEmpty(), "the detector finds a private key when there is one");

        Map<String, String> answers = new HashMap<>();
        answers.put("provider config", JsonSerialization.writeValueAsString(realm.identityProvider()));
        answers.put(
                "generated key's provider config",
                JsonSerialization.writeValueAsString(
                        realm.resource().identityProviders().get("leakcheck").toRepresentation()));
        answers.put(
                "key components",
                JsonSerialization.writeValueAsString(realm.resource()
                        .components()
                        .query(realm.resource().toRepresentation().getId(), RealmKeyComponents.KEY_PROVIDER_TYPE)));
        answers.put(
                "key list",
                JsonSerialization.writeValueAsString(realm.resource().keys().getKeyMetadata()));
        answers.put(
                "partial export",
                JsonSerialization.writeValueAsString(realm.resource().partialExport(true, true)));
        answers.put(
                "PEM URL",
                ClientAssertionCertificate.download(realm, "leakcheck").body());
        answers.put("server log", ServerLog.content());

        answers.forEach((what, text) -> {
            assertEquals(List.of(), PrivateKeys.in(text), what + " holds a private key");
            assertFalse(text.contains(importedKey), what + " holds the imported private key");
        });
        assertTrue(
                answers.get("partial export").contains("Login.gov client assertion key (identity provider leakcheck)"),
                "the export does list the generated key's component");
        assertNotEquals(
                -1, answers.get("key list").indexOf(saved("leakcheck").get("logingovSigningKeyId")), "and the key");
    }
}
