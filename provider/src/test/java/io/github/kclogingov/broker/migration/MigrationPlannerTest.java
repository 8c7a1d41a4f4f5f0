package io.github.kclogingov.broker.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.broker.migration.MapperOutcome.Outcome;
import io.github.kclogingov.broker.migration.MigrationPlanner.Planned;
import io.github.kclogingov.broker.migration.MigrationPlanner.PreparedKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MigrationPlannerTest {

    private static final String SANDBOX = "https://idp.int.identitysandbox.gov/";
    private static final String CLIENT_ID = "urn:gov:gsa:openidconnect.profiles:sp:sso:agency:app";
    private static final PreparedKey KEY = new PreparedKey("kid-1", "CN=agency, expires 2036-01-01", "-----BEGIN...");

    /** Keycloak's hard-coded mappers declare themselves for any provider type; the OIDC-only ones do not. */
    private final MigrationPlanner planner = new MigrationPlanner(type -> type.startsWith("oidc-hardcoded-"));

    private static Map<String, String> stockConfig(String issuer) {
        Map<String, String> config = new HashMap<>();
        config.put("issuer", issuer);
        config.put(
                "authorizationUrl",
                issuer + "openid_connect/authorize?acr_values=urn:acr.login.gov:verified"
                        + "+http://idmanagement.gov/ns/assurance/aal/2&prompt=select_account");
        config.put("tokenUrl", issuer + "api/openid_connect/token");
        config.put("clientId", CLIENT_ID);
        config.put("clientSecret", "s3cret");
        config.put("clientAuthMethod", "private_key_jwt");
        config.put("defaultScope", "openid email profile:name address social_security_number offline_access");
        config.put("syncMode", "IMPORT");
        config.put("guiOrder", "2");
        return config;
    }

    private static StockProvider.StockMapper importer(String name, String claim, String attribute) {
        return new StockProvider.StockMapper(
                name,
                name,
                "oidc-user-attribute-idp-mapper",
                Map.of("claim", claim, "user.attribute", attribute, "syncMode", "FORCE"));
    }

    private static StockProvider.StockMapper other(String name, String type) {
        return new StockProvider.StockMapper(name, name, type, Map.of("role", "agency-user"));
    }

    private static StockProvider stock(Map<String, String> config, List<StockProvider.StockMapper> mappers) {
        return new StockProvider("logingov", "oidc", config, mappers);
    }

    private Planned plan(StockProvider provider, MigrationRequest request) {
        return planner.plan(provider, request, List.of(), 42, Optional.of(KEY));
    }

    private static FieldChange change(Planned planned, String field) {
        return planned.plan().config().stream()
                .filter(c -> c.field().equals(field))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no change of " + field));
    }

    @Test
    void a_stock_sandbox_provider_becomes_a_login_gov_provider_with_its_levels_attributes_and_mappers() {
        Planned planned = plan(
                stock(
                        stockConfig(SANDBOX),
                        List.of(
                                importer("email", "email", "email"),
                                importer("street", "address.street_address", "street"),
                                importer("ssn", "social_security_number", "ssn"),
                                other("role", "oidc-hardcoded-role-idp-mapper"))),
                MigrationRequest.plain());

        MigrationPlan plan = planned.plan();
        assertTrue(plan.canApply(), () -> plan.refusals().toString());
        assertEquals("oidc", plan.providerType());
        assertEquals("login.gov", plan.newProviderType());
        assertEquals(42, plan.linkedUsers());
        Map<String, String> config = planned.newConfig();
        assertEquals("sandbox", config.get("logingovEnvironment"));
        assertEquals(CLIENT_ID, config.get("clientId"));
        assertEquals("urn:acr.login.gov:verified", config.get("logingovIal"));
        assertEquals("http://idmanagement.gov/ns/assurance/aal/2", config.get("logingovAal"));
        assertEquals("verified", config.get("logingovRegistration"));
        assertEquals(
                Set.of("email", "name", "address", "social_security_number"),
                Set.of(config.get("logingovAttributes").split("##")));
        assertEquals("openid email profile:name address social_security_number", config.get("defaultScope"));
        assertEquals("private_key_jwt", config.get("logingovClientAuthentication"));
        assertEquals("kid-1", config.get("logingovSigningKeyId"));
        assertEquals("IMPORT", config.get("syncMode"), "generic settings are carried over");
        assertEquals("2", config.get("guiOrder"));
        assertFalse(config.containsKey("tokenUrl"), "the endpoints come from the environment");
        assertFalse(config.containsKey("clientSecret"));

        assertEquals("(set, not shown)", change(planned, "clientSecret").from(), "a secret is never shown");
        assertNull(change(planned, "tokenUrl").to());
        assertTrue(change(planned, "defaultScope").note().contains("offline_access"), "dropped scopes are named");

        Map<String, MapperOutcome> mappers = new HashMap<>();
        plan.mappers().forEach(m -> mappers.put(m.name(), m));
        assertEquals(Outcome.CONVERTED, mappers.get("email").outcome());
        assertEquals("logingov-attribute-mapper", mappers.get("email").newType());
        assertEquals(
                Map.of("claim", "email", "user.attribute", "email", "syncMode", "FORCE"),
                mappers.get("email").newConfig());
        assertEquals("logingov-address-mapper", mappers.get("street").newType());
        assertEquals("street", mappers.get("street").newConfig().get("user.attribute.street"));
        assertEquals("", mappers.get("street").newConfig().get("user.attribute.locality"), "other parts not imported");
        assertEquals("logingov-ssn-mapper", mappers.get("ssn").newType());
        assertEquals("full", mappers.get("ssn").newConfig().get("keep"));
        assertEquals(Outcome.KEPT, mappers.get("role").outcome());
    }

    @Test
    void a_mapper_without_an_equivalent_stops_the_migration_unless_named_to_be_dropped() {
        StockProvider provider = stock(
                stockConfig(SANDBOX),
                List.of(
                        importer("groups", "groups", "groups"),
                        other("claim to role", "oidc-role-idp-mapper"),
                        importer("email", "email", "email")));

        Planned refused = plan(provider, MigrationRequest.plain());
        assertFalse(refused.plan().canApply());
        assertEquals(1, refused.plan().refusals().size());
        assertTrue(refused.plan().refusals().get(0).contains("groups, claim to role"));
        assertEquals(Map.of(), refused.newConfig(), "nothing to save");

        Planned partly = plan(provider, new MigrationRequest(Optional.empty(), Set.of("groups")));
        assertFalse(partly.plan().canApply(), "every unconvertible mapper must be named");

        Planned accepted = plan(provider, new MigrationRequest(Optional.empty(), Set.of("groups", "claim to role")));
        assertTrue(accepted.plan().canApply(), () -> accepted.plan().refusals().toString());
        assertTrue(accepted.plan().mappers().get(0).note().contains("deleted by the migration"));
    }

    @Test
    void a_provider_that_is_not_login_gov_is_refused() {
        Planned planned =
                plan(stock(stockConfig("https://accounts.example.org/"), List.of()), MigrationRequest.plain());
        assertFalse(planned.plan().canApply());
        assertTrue(planned.plan().refusals().get(0).contains("does not point at Login.gov"));
    }

    @Test
    void an_authorization_url_elsewhere_than_the_issuer_is_refused() {
        Map<String, String> config = stockConfig(SANDBOX);
        config.put("authorizationUrl", "https://phish.example.org/openid_connect/authorize");
        assertFalse(
                plan(stock(config, List.of()), MigrationRequest.plain()).plan().canApply());
    }

    @Test
    void a_test_server_is_login_gov_only_when_its_issuer_is_named_and_matches() {
        StockProvider simulator = stock(stockConfig("http://localhost:8081/"), List.of());
        assertFalse(plan(simulator, MigrationRequest.plain()).plan().canApply());

        Planned named = plan(simulator, new MigrationRequest(Optional.of("http://localhost:8081"), Set.of()));
        assertTrue(named.plan().canApply(), () -> named.plan().refusals().toString());
        assertEquals("custom", named.newConfig().get("logingovEnvironment"));
        assertEquals("http://localhost:8081/", named.newConfig().get("logingovBaseUrl"));

        Planned other = plan(simulator, new MigrationRequest(Optional.of("http://localhost:9999/"), Set.of()));
        assertFalse(other.plan().canApply());

        Planned loginGov =
                plan(stock(stockConfig(SANDBOX), List.of()), new MigrationRequest(Optional.of(SANDBOX), Set.of()));
        assertTrue(loginGov.plan().refusals().get(0).contains("Login.gov's own host"));
    }

    @Test
    void a_login_gov_provider_or_another_type_is_refused() {
        Planned already =
                plan(new StockProvider("logingov", "login.gov", Map.of(), List.of()), MigrationRequest.plain());
        assertTrue(already.plan().refusals().get(0).contains("Login.gov provider already"));
        Planned saml = plan(new StockProvider("idp", "saml", Map.of(), List.of()), MigrationRequest.plain());
        assertTrue(saml.plan().refusals().get(0).contains("type saml"));
    }

    @Test
    void two_providers_for_the_same_login_gov_client_are_ambiguous() {
        StockProvider provider = stock(stockConfig(SANDBOX), List.of());
        Planned same = planner.plan(
                provider,
                MigrationRequest.plain(),
                List.of(new OtherProvider("logingov-copy", SANDBOX, CLIENT_ID)),
                0,
                Optional.of(KEY));
        assertFalse(same.plan().canApply());
        assertTrue(same.plan().refusals().get(0).contains("logingov-copy"));

        Planned otherClient = planner.plan(
                provider,
                MigrationRequest.plain(),
                List.of(
                        new OtherProvider("verified-app", SANDBOX, CLIENT_ID + ":verified"),
                        new OtherProvider("production", "https://secure.login.gov/", CLIENT_ID)),
                0,
                Optional.of(KEY));
        assertTrue(
                otherClient.plan().canApply(),
                () -> otherClient.plan().refusals().toString());
    }

    @Test
    void private_key_jwt_needs_the_prepared_key_and_pkce_needs_none() {
        Planned noKey = planner.plan(
                stock(stockConfig(SANDBOX), List.of()), MigrationRequest.plain(), List.of(), 0, Optional.empty());
        assertFalse(noKey.plan().canApply());
        assertTrue(noKey.plan().refusals().get(0).contains("/key"));

        Map<String, String> pkce = stockConfig(SANDBOX);
        pkce.put("clientAuthMethod", "client_secret_post");
        pkce.put("pkceEnabled", "true");
        Planned planned =
                planner.plan(stock(pkce, List.of()), MigrationRequest.plain(), List.of(), 0, Optional.empty());
        assertTrue(planned.plan().canApply(), () -> planned.plan().refusals().toString());
        assertEquals("pkce", planned.newConfig().get("logingovClientAuthentication"));
        assertFalse(planned.plan().clientAssertionKey().needed());
    }

    @Test
    void a_client_secret_without_pkce_is_not_a_login_gov_client() {
        Map<String, String> config = stockConfig(SANDBOX);
        config.put("clientAuthMethod", "client_secret_basic");
        assertTrue(plan(stock(config, List.of()), MigrationRequest.plain())
                .plan()
                .refusals()
                .get(0)
                .contains("private_key_jwt or PKCE"));
    }

    @Test
    void acr_values_login_gov_does_not_know_are_refused_and_none_means_the_basic_level() {
        Map<String, String> typo = stockConfig(SANDBOX);
        typo.put("authorizationUrl", SANDBOX + "openid_connect/authorize?acr_values=urn:acr.login.gov:verfied");
        assertTrue(plan(stock(typo, List.of()), MigrationRequest.plain())
                .plan()
                .refusals()
                .get(0)
                .contains("verfied"));

        Map<String, String> none = stockConfig(SANDBOX);
        none.put("authorizationUrl", SANDBOX + "openid_connect/authorize");
        none.put("defaultScope", "openid email");
        Planned planned = plan(stock(none, List.of()), MigrationRequest.plain());
        assertEquals("urn:acr.login.gov:auth-only", planned.newConfig().get("logingovIal"));
        assertEquals("auth-only", planned.newConfig().get("logingovRegistration"));
        assertFalse(planned.newConfig().containsKey("logingovAal"));
    }

    @Test
    void a_provider_without_client_id_is_refused() {
        Map<String, String> config = stockConfig(SANDBOX);
        config.remove("clientId");
        assertTrue(plan(stock(config, List.of()), MigrationRequest.plain())
                .plan()
                .refusals()
                .get(0)
                .contains("no client ID"));
    }
}
