package io.github.kclogingov.broker.migration;

import io.github.kclogingov.broker.common.ProviderType;
import io.github.kclogingov.broker.keys.GeneratedClientAssertionKey;
import io.github.kclogingov.broker.keys.KeyCertificate;
import io.github.kclogingov.broker.keys.RealmKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.keys.KeyProvider;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderFactory;

/** What the planner needs from a realm, read from Keycloak's models into plain values. */
final class RealmProviders {

    private final KeycloakSession session;
    private final RealmModel realm;

    RealmProviders(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    Optional<IdentityProviderModel> model(String alias) {
        return Optional.ofNullable(session.identityProviders().getByAlias(alias));
    }

    StockProvider stockProvider(IdentityProviderModel model) {
        List<StockProvider.StockMapper> mappers = session.identityProviders()
                .getMappersByAliasStream(model.getAlias())
                .map(RealmProviders::mapper)
                .toList();
        return new StockProvider(model.getAlias(), model.getProviderId(), withoutNulls(model.getConfig()), mappers);
    }

    List<OtherProvider> others(String alias) {
        return session.identityProviders()
                .getAllStream()
                .filter(other -> !alias.equals(other.getAlias()))
                .map(other -> new OtherProvider(
                        other.getAlias(),
                        other.getConfig().get("issuer"),
                        other.getConfig().get("clientId")))
                .toList();
    }

    /** The users linked through the alias; read one by one, so a large realm takes a moment. */
    long linkedUsers(String alias) {
        return linkedUsers(session, realm, alias).count();
    }

    /** The users with a federated link through the alias. */
    static Stream<UserModel> linkedUsers(KeycloakSession session, RealmModel realm, String alias) {
        return session.users().searchForUserStream(realm, Map.of(UserModel.IDP_ALIAS, alias));
    }

    /** Whether mappers of this type work with a Login.gov provider: declared for any provider type, or for it. */
    boolean worksWithLoginGov(String mapperType) {
        ProviderFactory<IdentityProviderMapper> factory =
                session.getKeycloakSessionFactory().getProviderFactory(IdentityProviderMapper.class, mapperType);
        if (!(factory instanceof IdentityProviderMapper mapper)) {
            return false;
        }
        return List.of(mapper.getCompatibleProviders()).stream()
                .anyMatch(type -> IdentityProviderMapper.ANY_PROVIDER.equals(type) || ProviderType.ID.equals(type));
    }

    /** The key prepared for the alias by an earlier call, found by its component's name. */
    Optional<MigrationPlanner.PreparedKey> preparedKey(String alias) {
        return realm.getComponentsStream(realm.getId(), KeyProvider.class.getName())
                .filter(component ->
                        GeneratedClientAssertionKey.componentName(alias).equals(component.getName()))
                .flatMap(component -> RealmKeys.keysOf(session, component))
                .filter(key -> key.getCertificate() != null)
                .findFirst()
                .map(RealmProviders::prepared);
    }

    static MigrationPlanner.PreparedKey prepared(KeyWrapper key) {
        return new MigrationPlanner.PreparedKey(
                key.getKid(), KeyCertificate.summary(key.getCertificate()), KeyCertificate.pem(key.getCertificate()));
    }

    private static StockProvider.StockMapper mapper(IdentityProviderMapperModel model) {
        return new StockProvider.StockMapper(
                model.getId(), model.getName(), model.getIdentityProviderMapper(), withoutNulls(model.getConfig()));
    }

    private static Map<String, String> withoutNulls(Map<String, String> config) {
        Map<String, String> copy = new HashMap<>(config == null ? Map.of() : config);
        copy.values().removeIf(java.util.Objects::isNull);
        copy.keySet().removeIf(java.util.Objects::isNull);
        return copy;
    }
}
