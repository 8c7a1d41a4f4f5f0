package io.github.kclogingov.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** The users of a test realm, through the admin REST API: the one a sign-in made, and local accounts made beforehand. */
public final class Users {

    private final BrokerRealm realm;

    public Users(BrokerRealm realm) {
        this.realm = realm;
    }

    /** The realm's only user, with its attributes (a user list leaves them out). */
    public UserRepresentation onlyUser() {
        List<UserRepresentation> users = realm.resource().users().list();
        assertEquals(
                1,
                users.size(),
                () -> "users: "
                        + users.stream().map(UserRepresentation::getUsername).toList());
        return realm.resource().users().get(users.get(0).getId()).toRepresentation();
    }

    /** A local account with a password, the kind a Login.gov sign-in may have to link to; answers its id. */
    public String createLocalUser(String username, String email, String password) {
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
}
