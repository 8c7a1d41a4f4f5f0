package io.github.kclogingov.broker.mappers;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.UserModel;

/**
 * A user as a stored account: its email, names, email-verified flag and attributes, read and written
 * as Keycloak's {@link UserModel} does. Anything else a mapper has no business calling throws.
 * Public for the tests of other packages that update users from Login.gov's claims.
 */
public final class StoredUser {

    public final Map<String, List<String>> attributes = new LinkedHashMap<>();
    public final Map<String, Object> fields = new HashMap<>();
    public int writes;

    /** The user, with {@code attributes} (name, then value, repeated) already stored. */
    public static StoredUser with(String... nameThenValue) {
        StoredUser stored = new StoredUser();
        for (int i = 0; i < nameThenValue.length; i += 2) {
            stored.attributes.put(nameThenValue[i], List.of(nameThenValue[i + 1]));
        }
        return stored;
    }

    public UserModel model() {
        return (UserModel) Proxy.newProxyInstance(
                UserModel.class.getClassLoader(), new Class<?>[] {UserModel.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getAttributeStream":
                            return attributes.getOrDefault((String) args[0], List.of()).stream();
                        case "getFirstAttribute":
                            return attributes.getOrDefault((String) args[0], List.of()).stream()
                                    .findFirst()
                                    .orElse(null);
                        case "setAttribute":
                            writes++;
                            attributes.put(
                                    (String) args[0],
                                    List.copyOf((List<?>) args[1]).stream()
                                            .map(String::valueOf)
                                            .toList());
                            return null;
                        case "setSingleAttribute":
                            writes++;
                            attributes.put((String) args[0], List.of((String) args[1]));
                            return null;
                        case "removeAttribute":
                            writes++;
                            attributes.remove((String) args[0]);
                            return null;
                        case "getEmail":
                        case "getFirstName":
                        case "getLastName":
                            return fields.get(method.getName().substring(3));
                        case "isEmailVerified":
                            return Boolean.TRUE.equals(fields.get("EmailVerified"));
                        case "setEmail":
                        case "setFirstName":
                        case "setLastName":
                        case "setEmailVerified":
                            writes++;
                            fields.put(method.getName().substring(3), args[0]);
                            return null;
                        case "toString":
                            return "StoredUser" + attributes.keySet();
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    /** The values stored under {@code name}; empty when none. */
    public List<String> attribute(String name) {
        return attributes.getOrDefault(name, List.of());
    }
}
