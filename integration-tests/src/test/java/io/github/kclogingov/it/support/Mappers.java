package io.github.kclogingov.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.resource.IdentityProviderResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

/**
 * Identity provider mappers a test adds to the Login.gov provider, and the roles and groups they
 * assign. The realm is kept for all tests of a class, so the mappers a test added are removed
 * after it ({@link #removeAdded()}); roles and groups are created once and may stay.
 */
public final class Mappers {

    private final BrokerRealm realm;
    private final List<String> added = new ArrayList<>();

    public Mappers(BrokerRealm realm) {
        this.realm = realm;
    }

    /** Adds a mapper of type {@code type} to the Login.gov provider; answers its id. */
    public String addMapper(String name, String type, Map<String, String> config) {
        IdentityProviderMapperRepresentation mapper = new IdentityProviderMapperRepresentation();
        mapper.setName(name);
        mapper.setIdentityProviderAlias(BrokerRealm.ALIAS);
        mapper.setIdentityProviderMapper(type);
        mapper.setConfig(new HashMap<>(config));
        try (Response response = provider().addMapper(mapper)) {
            assertEquals(201, response.getStatus(), () -> "mapper " + name + ": " + response.readEntity(String.class));
            String path = response.getLocation().getPath();
            String id = path.substring(path.lastIndexOf('/') + 1);
            added.add(id);
            return id;
        }
    }

    /** Removes the mappers added since the last call, for the next test to find the shipped ones only. */
    public void removeAdded() {
        IdentityProviderResource provider = provider();
        added.forEach(provider::delete);
        added.clear();
    }

    /** A realm role for a mapper to grant, unless it exists. */
    public void createRole(String name) {
        if (realm.resource().roles().list().stream().noneMatch(r -> r.getName().equals(name))) {
            realm.resource().roles().create(new RoleRepresentation(name, null, false));
        }
    }

    /** A top-level group for a mapper to join users to, unless it exists. */
    public void createGroup(String name) {
        if (realm.resource().groups().groups().stream()
                .noneMatch(g -> g.getName().equals(name))) {
            GroupRepresentation group = new GroupRepresentation();
            group.setName(name);
            realm.resource().groups().add(group).close();
        }
    }

    private IdentityProviderResource provider() {
        return realm.resource().identityProviders().get(BrokerRealm.ALIAS);
    }
}
