package io.github.kclogingov.it.support;

import io.github.kclogingov.protocol.LoginGovAttribute;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.LoginGovSimulator;
import io.github.kclogingov.simulator.SelfSignedKey;
import io.github.kclogingov.simulator.ServiceProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.util.JsonSerialization;

/**
 * A test realm, one per test class, made from the shipped {@code realm-export/logingov-demo-realm.json}, with its
 * placeholders filled the way an operator would fill them: a fresh client-assertion key whose
 * certificate is registered at the simulator, the simulator's URL and a client_id of its own.
 * A confidential downstream client {@value #APP_CLIENT_ID} plays the agency's application.
 */
public final class BrokerRealm {

    public static final String ALIAS = "logingov";
    public static final String KEY_ID = "logingov-client-assertion";
    public static final String APP_CLIENT_ID = "test-app";
    public static final String APP_SECRET = "test-app-secret";
    public static final String APP_REDIRECT_URI = "http://localhost:8500/callback";

    private final Keycloak admin;
    private final String name;
    private final String keycloakUrl;
    private final String loginGovClientId;
    private final SelfSignedKey key;
    private final LoginGovSimulator simulator;
    private final Registration registration;

    private BrokerRealm(
            Keycloak admin,
            String name,
            String keycloakUrl,
            String loginGovClientId,
            SelfSignedKey key,
            LoginGovSimulator simulator,
            Registration registration) {
        this.admin = admin;
        this.name = name;
        this.keycloakUrl = keycloakUrl;
        this.loginGovClientId = loginGovClientId;
        this.key = key;
        this.simulator = simulator;
        this.registration = registration;
    }

    private static final java.util.Map<String, BrokerRealm> BY_NAME = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The realm of one test class, created on its first test and kept for the others: a realm
     * import costs about a second, a test a fraction of that.
     */
    public static BrokerRealm forTestClass(Keycloak admin, String keycloakUrl, String name, Registration registration) {
        return BY_NAME.computeIfAbsent(name, n -> create(admin, keycloakUrl, n, SharedSimulator.get(), registration));
    }

    /** Imports the demo realm as {@code name} and registers it at the simulator. */
    public static BrokerRealm create(
            Keycloak admin, String keycloakUrl, String name, LoginGovSimulator simulator, Registration registration) {
        String clientId = "urn:gov:gsa:openidconnect.profiles:sp:sso:test:" + name;
        SelfSignedKey key = SelfSignedKey.generate("CN=" + name + " Login.gov client assertion");
        RealmRepresentation realm = realmExport(Map.of(
                "LOGINGOV_BASE_URL", simulator.issuer(),
                "LOGINGOV_CLIENT_ID", clientId,
                "LOGINGOV_CLIENT_ASSERTION_PRIVATE_KEY", key.privateKeyPkcs8Base64(),
                "LOGINGOV_CLIENT_ASSERTION_CERTIFICATE", key.certificateBase64()));
        realm.setRealm(name);
        realm.setDisplayName(null);
        // The provider's registration setting says what the simulator registered this client for.
        Map<String, String> provider = realm.getIdentityProviders().get(0).getConfig();
        provider.put("logingovRegistration", registration.configValue());
        if (registration == Registration.AUTH_ONLY) {
            // An authentication-only registration cannot receive the shipped realm's verified attributes.
            provider.put(
                    "logingovAttributes",
                    String.join(
                            "##",
                            Arrays.stream(LoginGovAttribute.values())
                                    .filter(attribute -> !attribute.requiresVerifiedIdentity())
                                    .map(LoginGovAttribute::configValue)
                                    .toList()));
        }
        ClientRepresentation app = newAppClient();
        // The application gets the shipped demo client's mappers (logingov_ial and logingov_aal claims).
        app.setProtocolMappers(realm.getClients().stream()
                .filter(client -> "demo-app".equals(client.getClientId()))
                .findFirst()
                .orElseThrow()
                .getProtocolMappers());
        realm.getClients().add(app);
        // Realms live in the test server's in-memory database; a reused server may still hold one.
        if (admin.realms().findAll().stream().anyMatch(r -> r.getRealm().equals(name))) {
            admin.realm(name).remove();
        }
        admin.realms().create(realm);

        BrokerRealm created = new BrokerRealm(admin, name, keycloakUrl, clientId, key, simulator, registration);
        simulator.addServiceProvider(created.serviceProvider());
        return created;
    }

    /** This realm as the simulator knows it: its client_id, broker endpoint, certificate and registration. */
    private ServiceProvider serviceProvider() {
        return ServiceProvider.privateKeyJwt(
                        loginGovClientId, List.of(brokerEndpoint(ALIAS)), List.of(key.certificatePem()), registration)
                .withPostLogoutRedirectUris(List.of(brokerEndpoint(ALIAS) + "/logout_response"))
                .withPushUrl(pushUrl(ALIAS));
    }

    /** Registers this realm again at the simulator, now allowed to ask for IALMAX (Login.gov allow-lists agencies for it). */
    public void allowIalmax() {
        simulator.addServiceProvider(serviceProvider().withIalmaxAllowed(true));
    }

    /**
     * A second Login.gov provider in this realm (as an agency with sandbox and production side by
     * side would have), registered at the simulator as its own client; once only.
     *
     * @param config settings on top of a copy of the first provider's
     */
    public void addSecondProvider(String alias, Map<String, String> config) {
        if (resource().identityProviders().findAll().stream()
                .anyMatch(p -> p.getAlias().equals(alias))) {
            return;
        }
        IdentityProviderRepresentation second = identityProvider();
        second.setAlias(alias);
        second.setInternalId(null);
        String secondClientId = loginGovClientId + ":" + alias;
        second.getConfig().put("clientId", secondClientId);
        second.getConfig().putAll(config);
        resource().identityProviders().create(second).close();
        simulator.addServiceProvider(ServiceProvider.privateKeyJwt(
                        secondClientId, List.of(brokerEndpoint(alias)), List.of(key.certificatePem()), registration)
                .withPushUrl(pushUrl(alias)));
    }

    /**
     * Registers this realm again at the simulator, now allow-listed for {@code prompt=login} and
     * {@code auth_time} (Login.gov's per-client flag), and tells the provider so.
     */
    public void allowReauthentication() {
        simulator.addServiceProvider(serviceProvider().withReauthenticationAllowed(true));
        updateIdentityProvider(Map.of("logingovReauthentication", "true"));
    }

    /**
     * Puts back the state every test starts from, since the realm is kept for all tests of its class
     * and the simulator for the whole run: no users, no events, and a simulator with no pending
     * faults, nothing recorded, its personas as it started them, and {@code autoPersona} signing in.
     */
    public void reset(String autoPersona) {
        resource()
                .users()
                .list()
                .forEach(user -> resource().users().delete(user.getId()).close());
        resource().clearEvents();
        simulator.faults().clear();
        simulator.recorder().clear();
        simulator.resetPersonas();
        simulator.setAutoPersona(autoPersona);
    }

    /**
     * A Login.gov identity provider as an admin would fill it in, not yet saved: the dedicated key,
     * an agency's client_id, and {@code config} on top. An empty value leaves its setting out, so
     * that the provider's default (or its refusal) shows.
     */
    public static IdentityProviderRepresentation newIdentityProvider(String alias, Map<String, String> config) {
        IdentityProviderRepresentation provider = new IdentityProviderRepresentation();
        provider.setAlias(alias);
        provider.setProviderId("login.gov");
        provider.setEnabled(true);
        Map<String, String> values = new HashMap<>(Map.of(
                "clientId", "urn:gov:gsa:openidconnect.profiles:sp:sso:agency:app",
                "clientSecret", "unused",
                "logingovSigningKeyId", KEY_ID));
        values.putAll(config);
        values.values().removeIf(String::isEmpty);
        provider.setConfig(values);
        return provider;
    }

    /** The shipped realm export with its {@code ${...}} placeholders replaced. */
    public static RealmRepresentation realmExport(Map<String, String> values) {
        Path file = Path.of(System.getProperty("logingov.realmExport", "../realm-export/logingov-demo-realm.json"));
        try {
            String json = Files.readString(file, StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : values.entrySet()) {
                json = json.replace("${" + value.getKey() + "}", value.getValue());
            }
            return JsonSerialization.readValue(json, RealmRepresentation.class);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the realm export " + file.toAbsolutePath(), e);
        }
    }

    private static ClientRepresentation newAppClient() {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(APP_CLIENT_ID);
        client.setSecret(APP_SECRET);
        client.setPublicClient(false);
        client.setStandardFlowEnabled(true);
        client.setRedirectUris(List.of(APP_REDIRECT_URI));
        client.setAttributes(Map.of("post.logout.redirect.uris", "+"));
        return client;
    }

    public String name() {
        return name;
    }

    public RealmResource resource() {
        return admin.realm(name);
    }

    public String loginGovClientId() {
        return loginGovClientId;
    }

    public SelfSignedKey clientAssertionKey() {
        return key;
    }

    public String realmUrl() {
        return keycloakUrl + "/realms/" + name;
    }

    /** Where Login.gov pushes the security events of provider {@code alias} (registered at the simulator). */
    public String pushUrl(String alias) {
        return realmUrl() + "/logingov/" + alias + "/security-events";
    }

    public String brokerEndpoint(String alias) {
        return realmUrl() + "/broker/" + alias + "/endpoint";
    }

    /** The application's client, {@value #APP_CLIENT_ID}. */
    public ClientRepresentation appClient() {
        return resource().clients().findByClientId(APP_CLIENT_ID).get(0);
    }

    public IdentityProviderRepresentation identityProvider() {
        return resource().identityProviders().get(ALIAS).toRepresentation();
    }

    /** The provider setting that makes the broker call userinfo at every sign-in (off by default). */
    public static final String ALWAYS_CALL_USERINFO = "logingovAlwaysCallUserinfo";

    /**
     * Where the attributes come from: userinfo at every sign-in when {@code always}, else the
     * verified id_token (userinfo only when it lacks a promised claim). A save also empties
     * Keycloak's cache of Login.gov's keys.
     */
    public void alwaysCallUserinfo(boolean always) {
        updateIdentityProvider(Map.of(ALWAYS_CALL_USERINFO, String.valueOf(always)));
    }

    /** Changes the Login.gov identity provider's configuration through the admin REST API. */
    public void updateIdentityProvider(Map<String, String> config) {
        IdentityProviderRepresentation provider = identityProvider();
        provider.getConfig().putAll(config);
        resource().identityProviders().get(ALIAS).update(provider);
    }
}
