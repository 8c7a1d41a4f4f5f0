package io.github.kclogingov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.ServerLog;
import io.github.kclogingov.it.support.SharedSimulator;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.LoginGovSimulator;
import io.github.kclogingov.simulator.Persona;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.IdentityProviderResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Login.gov's attributes in Keycloak: each reaches the user through the shipped mappers and a
 * downstream token through a protocol mapper; IAL2 attributes only at a verified level; the SSN
 * only when turned on, admin-only and never logged; and account linking that never trusts an email.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
class AttributesTest {

    static final String ALL_BUT_SSN = "email##all_emails##locale##name##birthdate##address##phone##verified_at"
            + "##x509_subject##x509_issuer##x509_presented";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    BrokerRealm realm;
    final LoginGovSimulator simulator = SharedSimulator.get();
    final List<String> addedMappers = new ArrayList<>();

    @BeforeEach
    void realm() {
        realm = BrokerRealm.forTestClass(admin, urls.getBase(), "attributes", Registration.VERIFIED);
        realm.updateIdentityProvider(Map.of("logingovAttributes", ALL_BUT_SSN, "syncMode", "IMPORT"));
        realm.resource().users().list().forEach(user -> realm.resource().users().delete(user.getId()).close());
        realm.resource().clearEvents();
        simulator.faults().clear();
        simulator.recorder().clear();
        simulator.resetPersonas();
        simulator.setAutoPersona("piv-cac");
        addTokenMappers();
    }

    @AfterEach
    void removeAddedMappers() {
        IdentityProviderResource provider = realm.resource().identityProviders().get(BrokerRealm.ALIAS);
        addedMappers.forEach(id -> provider.delete(id));
        addedMappers.clear();
        simulator.resetPersonas();
    }

    Persona persona(String id) {
        return simulator.personas().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    // ---- attributes ----------------------------------------------------------------------------

    @Test
    void every_attribute_reaches_the_user_and_a_downstream_token_at_a_verified_level() {
        Persona piv = persona("piv-cac");

        JsonNode idToken = signIn(Map.of("acr_values", "verified"));

        UserRepresentation user = onlyUser();
        assertEquals(piv.email(), user.getEmail());
        assertEquals(piv.givenName(), user.getFirstName());
        assertEquals(piv.familyName(), user.getLastName());
        Map<String, List<String>> attributes = user.getAttributes();
        assertEquals(piv.allEmails(), attributes.get("logingov_all_emails"));
        assertEquals(List.of(piv.locale()), attributes.get("logingov_locale"));
        assertEquals(List.of(piv.birthdate().toString()), attributes.get("birthdate"));
        assertEquals(List.of(piv.address().streetAddress()), attributes.get("street"));
        assertEquals(List.of(piv.address().locality()), attributes.get("locality"));
        assertEquals(List.of(piv.address().region()), attributes.get("region"));
        assertEquals(List.of(piv.address().postalCode()), attributes.get("postal_code"));
        assertTrue(attributes.get("formatted").get(0).startsWith(piv.address().streetAddress()));
        assertEquals(List.of(piv.phone()), attributes.get("phoneNumber"));
        assertEquals(List.of(piv.verifiedAt().toString()), attributes.get("logingov_verified_at"), "an ISO-8601 instant");
        assertEquals(List.of("urn:acr.login.gov:verified"), attributes.get("logingov_ial"));
        assertEquals(List.of(piv.x509Subject()), attributes.get("logingov_x509_subject"));
        assertEquals(List.of(piv.x509Issuer()), attributes.get("logingov_x509_issuer"));
        assertEquals(List.of(String.valueOf(piv.x509Presented())), attributes.get("logingov_x509_presented"));
        assertNull(attributes.get("logingov_ssn"), "the SSN is off unless an admin turns it on");

        for (String attribute : TOKEN_ATTRIBUTES) {
            assertTrue(idToken.hasNonNull(attribute), () -> attribute + " missing from the id_token: " + idToken);
        }
        assertEquals(piv.allEmails().size(), idToken.get("logingov_all_emails").size(), "multi-valued in the token too");
        assertEquals(piv.address().locality(), idToken.get("address").get("locality").asText());
        assertFalse(idToken.has("logingov_ssn"));
    }

    @Test
    void ial2_attributes_are_absent_after_an_auth_only_sign_in() {
        signIn(Map.of());

        Map<String, List<String>> attributes = onlyUser().getAttributes();
        for (String verifiedOnly : List.of("birthdate", "street", "locality", "phoneNumber")) {
            assertNull(attributes.get(verifiedOnly), () -> verifiedOnly + " must not come from an auth-only sign-in");
        }
        assertNull(onlyUser().getFirstName());
        assertEquals(persona("piv-cac").allEmails(), attributes.get("logingov_all_emails"));
        assertEquals(List.of("urn:acr.login.gov:auth-only"), attributes.get("logingov_ial"));
    }

    @Test
    void verified_attributes_survive_a_later_auth_only_sign_in() {
        signIn(Map.of("acr_values", "verified"));
        signIn(Map.of());

        Map<String, List<String>> attributes = onlyUser().getAttributes();
        assertEquals(List.of(persona("piv-cac").birthdate().toString()), attributes.get("birthdate"),
                "a claim Login.gov did not release this time is kept, even with the mappers' FORCE sync mode");
        assertEquals(List.of(persona("piv-cac").address().locality()), attributes.get("locality"));
        assertEquals(List.of("urn:acr.login.gov:auth-only"), attributes.get("logingov_ial"), "released claims are updated");
    }

    @Test
    void default_mappers_follow_the_alias_of_a_new_provider() {
        for (Registration registration : Registration.values()) {
            String alias = "agency-login-" + registration.configValue();
            IdentityProviderRepresentation provider = new IdentityProviderRepresentation();
            provider.setAlias(alias);
            provider.setProviderId("logingov-oidc");
            provider.setEnabled(true);
            provider.setConfig(new HashMap<>(Map.of(
                    "clientId", "urn:gov:gsa:openidconnect.profiles:sp:sso:agency:" + alias,
                    "clientSecret", "unused",
                    "logingovSigningKeyId", BrokerRealm.KEY_ID,
                    "logingovRegistration", registration.configValue())));
            try (Response response = realm.resource().identityProviders().create(provider)) {
                assertEquals(201, response.getStatus());
            }
            try {
                List<IdentityProviderMapperRepresentation> mappers = realm.resource().identityProviders().get(alias).getMappers();
                List<String> targets = mappers.stream().map(m -> m.getConfig().get("user.attribute")).sorted().toList();
                assertEquals(registration == Registration.VERIFIED ? List.of("email", "firstName", "lastName") : List.of("email"),
                        targets, () -> "default mappers for " + alias);
                mappers.forEach(m -> assertEquals(alias, m.getIdentityProviderAlias()));
                mappers.forEach(m -> assertEquals("logingov-attribute-mapper", m.getIdentityProviderMapper()));
            } finally {
                realm.resource().identityProviders().get(alias).remove();
            }
        }
    }

    @Test
    void keycloaks_stock_oidc_mappers_are_offered_and_work() {
        IdentityProviderResource provider = realm.resource().identityProviders().get(BrokerRealm.ALIAS);
        var types = provider.getMapperTypes().keySet();
        for (String stock : List.of("oidc-hardcoded-role-idp-mapper", "oidc-role-idp-mapper", "oidc-advanced-group-idp-mapper",
                "oidc-username-idp-mapper", "oidc-user-attribute-idp-mapper", "logingov-attribute-mapper",
                "logingov-address-mapper", "logingov-ssn-mapper")) {
            assertTrue(types.contains(stock), () -> stock + " not offered: " + types);
        }
        createRole("signed-in-with-login-gov");
        createRole("identity-verified");
        addMapper("hardcoded role", "oidc-hardcoded-role-idp-mapper", Map.of("role", "signed-in-with-login-gov", "syncMode", "FORCE"));
        addMapper("verified role", "oidc-role-idp-mapper", Map.of("claim", "ial", "claim.value", "urn:acr.login.gov:verified",
                "role", "identity-verified", "syncMode", "FORCE"));
        addMapper("username", "oidc-username-idp-mapper", Map.of("template", "lg.${CLAIM.given_name}", "syncMode", "INHERIT"));
        if (realm.resource().groups().groups().stream().noneMatch(g -> g.getName().equals("piv-card-holders"))) {
            GroupRepresentation group = new GroupRepresentation();
            group.setName("piv-card-holders");
            realm.resource().groups().add(group).close();
        }
        addMapper("piv group", "oidc-advanced-group-idp-mapper", Map.of("claims", "[{\"key\":\"x509_presented\",\"value\":\"true\"}]",
                "are.claim.values.regex", "false", "group", "/piv-card-holders", "syncMode", "FORCE"));

        signIn(Map.of("acr_values", "verified"));

        UserRepresentation user = onlyUser();
        assertEquals("lg.morgan", user.getUsername());
        List<String> roles = realm.resource().users().get(user.getId()).roles().realmLevel().listEffective().stream()
                .map(RoleRepresentation::getName).toList();
        assertTrue(roles.contains("signed-in-with-login-gov"), roles::toString);
        assertTrue(roles.contains("identity-verified"), roles::toString);
        List<String> groups = realm.resource().users().get(user.getId()).groups().stream().map(GroupRepresentation::getName).toList();
        assertEquals(List.of("piv-card-holders"), groups, "advanced claim to group, on x509_presented");
    }

    @Test
    void an_attribute_the_user_profile_does_not_declare_is_warned_about_never_dropped_silently() {
        addMapper("undeclared", "logingov-attribute-mapper", Map.of("claim", "locale", "user.attribute", "shoe_size",
                "syncMode", "FORCE"));
        int logStart = ServerLog.content().length();

        signIn(Map.of());

        String log = ServerLog.content().substring(logStart);
        assertTrue(log.contains("imports user attribute shoe_size") && log.contains("Declare it under Realm settings > User profile"),
                "the server log must say that the realm's user profile does not declare shoe_size");
        assertFalse(log.contains("imports user attribute logingov_locale"), "declared attributes are not warned about");
    }

    // ---- personal data ---------------------------------------------------------------------------

    @Test
    void the_ssn_is_admin_only_kept_whole_or_as_its_last_four_and_never_logged() throws Exception {
        Persona piv = persona("piv-cac");
        realm.updateIdentityProvider(Map.of("logingovAttributes", ALL_BUT_SSN + "##social_security_number"));
        String mapperId = addMapper("ssn", "logingov-ssn-mapper", Map.of("user.attribute", "logingov_ssn", "keep", "full",
                "syncMode", "FORCE"));
        int logStart = ServerLog.content().length();

        SignInFlow flow = new SignInFlow(realm);
        HttpBrowser.Page end = flow.signIn(Map.of("acr_values", "verified"));
        JsonNode tokens = flow.exchangeCode(end.locationQuery().get("code"));

        assertTrue(simulator.recorder().authorizations().get(0).parameter("scope").contains("social_security_number"));
        UserRepresentation user = onlyUser();
        assertEquals(List.of(piv.socialSecurityNumber()), user.getAttributes().get("logingov_ssn"), "admins see it");
        for (String token : List.of("id_token", "access_token")) {
            assertFalse(SignInFlow.claims(tokens.get(token).asText()).toString().contains(piv.socialSecurityNumber()),
                    () -> "the SSN must not be in the " + token);
        }
        JsonNode account = accountApi(tokens.get("access_token").asText());
        assertFalse(account.toString().contains(piv.socialSecurityNumber()), () -> "the account API shows it: " + account);
        assertFalse(account.path("attributes").has("logingov_ssn"));
        assertTrue(account.path("attributes").has("birthdate"), () -> "the account API works and shows the user's own data: " + account);

        String log = ServerLog.content().substring(logStart);
        String events = realm.resource().getEvents().stream().map(e -> e.getType() + " " + e.getDetails()).toList().toString();
        assertTrue(events.contains("IDENTITY_PROVIDER_FIRST_LOGIN") || events.contains("LOGIN"), events);
        for (String personal : List.of(piv.socialSecurityNumber(), piv.birthdate().toString(), piv.address().streetAddress(),
                piv.phone())) {
            assertFalse(log.contains(personal), () -> "the server log holds personal data: " + personal);
            assertFalse(events.contains(personal), () -> "an event detail holds personal data: " + personal);
        }

        IdentityProviderMapperRepresentation lastFour = realm.resource().identityProviders().get(BrokerRealm.ALIAS).getMapperById(mapperId);
        lastFour.getConfig().put("keep", "last-four");
        realm.resource().identityProviders().get(BrokerRealm.ALIAS).update(mapperId, lastFour);
        signIn(Map.of("acr_values", "verified"));
        assertEquals(List.of(piv.socialSecurityNumber().substring(5)), onlyUser().getAttributes().get("logingov_ssn"));
    }

    // ---- identity and linking ------------------------------------------------------------------

    @Test
    void the_same_sub_with_a_new_email_is_the_same_user_updated_as_the_sync_mode_says() {
        simulator.setAutoPersona("verified");
        String original = persona("verified").email();
        signIn(Map.of());
        UserRepresentation first = onlyUser();
        assertEquals(original, first.getEmail());
        assertTrue(first.isEmailVerified(), "Login.gov verified the email of a user this provider created");

        simulator.changeEmail("verified", "jordan.new@example.org");
        signIn(Map.of());
        assertEquals(first.getId(), onlyUser().getId(), "the same user");
        assertEquals(original, onlyUser().getEmail(), "sync mode IMPORT keeps the email");

        realm.updateIdentityProvider(Map.of("syncMode", "FORCE"));
        signIn(Map.of());
        assertEquals(first.getId(), onlyUser().getId());
        assertEquals("jordan.new@example.org", onlyUser().getEmail(), "sync mode FORCE takes Login.gov's new email");
        assertTrue(onlyUser().isEmailVerified());
    }

    @Test
    void a_new_sub_with_an_existing_accounts_email_is_linked_only_after_signing_in_to_that_account() {
        simulator.setAutoPersona("verified");
        String localId = createLocalUser("jordan-local", persona("verified").email(), "local password 1");

        HttpBrowser browser = new HttpBrowser();
        HttpBrowser.Page confirm = new SignInFlow(realm, browser).signIn(Map.of());

        assertEquals(200, confirm.status(), () -> "expected Keycloak's 'account already exists' page, got " + confirm);
        assertTrue(confirm.contains("already exists"), confirm::body);
        assertEquals(1, realm.resource().users().count(), "no user created");
        assertTrue(realm.resource().users().get(localId).getFederatedIdentity().isEmpty(), "not linked by email");

        HttpBrowser.Page reauthenticate = browser.post(confirm.formAction(), Map.of("submitAction", "linkAccount"));
        HttpBrowser.Page passwordPage = reauthenticate.isRedirect() ? browser.followUntil(reauthenticate, uri -> false) : reauthenticate;
        assertTrue(passwordPage.contains("password"), () -> "the existing account's owner must sign in: " + passwordPage.body());
        assertTrue(realm.resource().users().get(localId).getFederatedIdentity().isEmpty());

        HttpBrowser.Page linked = browser.followUntil(browser.post(passwordPage.formAction(),
                Map.of("username", "jordan-local", "password", "local password 1")), SignInFlow::isApplication);
        assertTrue(linked.isRedirect() && SignInFlow.isApplication(linked.location()), () -> "linking failed: " + linked);
        assertEquals(1, realm.resource().users().get(localId).getFederatedIdentity().size(), "linked after re-authentication");
        assertFalse(realm.resource().users().get(localId).toRepresentation().isEmailVerified(),
                "a local account never gets a verified email from Login.gov");
    }

    @Test
    void an_email_differing_only_in_case_is_still_an_existing_account() {
        simulator.setAutoPersona("verified");
        createLocalUser("jordan-upper", persona("verified").email().toUpperCase(), "local password 2");

        HttpBrowser.Page page = new SignInFlow(realm).signIn(Map.of());

        assertTrue(page.status() == 200 && page.contains("already exists"), () -> "expected the confirm-link page: " + page);
        assertEquals(1, realm.resource().users().count());
    }

    @Test
    void an_existing_username_equal_to_the_login_gov_email_is_an_existing_account() {
        simulator.setAutoPersona("verified");
        createLocalUser(persona("verified").email(), "someone.else@example.net", "local password 3");

        HttpBrowser.Page page = new SignInFlow(realm).signIn(Map.of());

        assertTrue(page.status() == 200 && page.contains("already exists"), () -> "expected the confirm-link page: " + page);
        assertEquals(1, realm.resource().users().count());
    }

    @Test
    void all_emails_is_never_used_to_link() {
        simulator.setAutoPersona("verified");
        String secondAddress = persona("verified").allEmails().get(1);
        String localId = createLocalUser("jordan-second", secondAddress, "local password 4");

        HttpBrowser.Page end = new SignInFlow(realm).signIn(Map.of());

        assertTrue(end.isRedirect() && SignInFlow.isApplication(end.location()), () -> "a new user is created: " + end);
        assertEquals(2, realm.resource().users().count());
        assertTrue(realm.resource().users().get(localId).getFederatedIdentity().isEmpty());
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The attributes given to the application's tokens through "User Attribute" protocol mappers. */
    static final List<String> TOKEN_ATTRIBUTES = List.of("logingov_all_emails", "logingov_locale", "birthdate", "phoneNumber",
            "logingov_verified_at", "logingov_ial", "logingov_aal", "logingov_x509_subject", "logingov_x509_issuer",
            "logingov_x509_presented", "address");

    void addTokenMappers() {
        ClientRepresentation app = realm.resource().clients().findByClientId(BrokerRealm.APP_CLIENT_ID).get(0);
        var mappers = realm.resource().clients().get(app.getId()).getProtocolMappers();
        if (mappers.getMappers().stream().anyMatch(m -> m.getName().equals("address"))) {
            return;
        }
        for (String attribute : TOKEN_ATTRIBUTES) {
            ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
            mapper.setName(attribute);
            mapper.setProtocol("openid-connect");
            Map<String, String> config = new HashMap<>(Map.of("id.token.claim", "true", "access.token.claim", "true",
                    "userinfo.token.claim", "true"));
            if (attribute.equals("address")) {
                mapper.setProtocolMapper("oidc-address-mapper");
            } else {
                mapper.setProtocolMapper("oidc-usermodel-attribute-mapper");
                config.put("user.attribute", attribute);
                config.put("claim.name", attribute);
                config.put("jsonType.label", "String");
                config.put("multivalued", String.valueOf(attribute.equals("logingov_all_emails")));
            }
            mapper.setConfig(config);
            mappers.createMapper(mapper).close();
        }
    }

    String addMapper(String name, String type, Map<String, String> config) {
        IdentityProviderMapperRepresentation mapper = new IdentityProviderMapperRepresentation();
        mapper.setName(name);
        mapper.setIdentityProviderAlias(BrokerRealm.ALIAS);
        mapper.setIdentityProviderMapper(type);
        mapper.setConfig(new HashMap<>(config));
        try (Response response = realm.resource().identityProviders().get(BrokerRealm.ALIAS).addMapper(mapper)) {
            assertEquals(201, response.getStatus(), () -> "mapper " + name + ": " + response.readEntity(String.class));
            String path = response.getLocation().getPath();
            String id = path.substring(path.lastIndexOf('/') + 1);
            addedMappers.add(id);
            return id;
        }
    }

    void createRole(String name) {
        if (realm.resource().roles().list().stream().noneMatch(r -> r.getName().equals(name))) {
            realm.resource().roles().create(new RoleRepresentation(name, null, false));
        }
    }

    String createLocalUser(String username, String email, String password) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email);
        user.setEnabled(true);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        try (Response response = realm.resource().users().create(user)) {
            assertEquals(201, response.getStatus(), () -> response.readEntity(String.class));
            String path = response.getLocation().getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    UserRepresentation onlyUser() {
        List<UserRepresentation> users = realm.resource().users().list();
        assertEquals(1, users.size(), () -> "users: " + users.stream().map(UserRepresentation::getUsername).toList());
        return realm.resource().users().get(users.get(0).getId()).toRepresentation();
    }

    JsonNode signIn(Map<String, String> parameters) {
        SignInFlow flow = new SignInFlow(realm);
        HttpBrowser.Page end = flow.signIn(parameters);
        assertTrue(end.isRedirect() && SignInFlow.isApplication(end.location()), () -> "sign-in did not reach the app: " + end
                + "\n" + end.body());
        return flow.exchangeCodeClaims(end.locationQuery().get("code"));
    }

    /** The user's own view through Keycloak's account REST API. */
    JsonNode accountApi(String accessToken) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(realm.realmUrl() + "/account/?userProfileMetadata=true"))
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        return new ObjectMapper().readTree(response.body());
    }
}
