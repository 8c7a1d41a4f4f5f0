package io.github.kclogingov.broker.mappers;

import java.util.List;

import org.keycloak.models.UserModel;

/** How the Login.gov mappers update one single-valued attribute of a stored user. */
final class StoredAttribute {

    private StoredAttribute() {
    }

    /**
     * Sets {@code value}, or removes the attribute when Login.gov sent none (as Keycloak's attribute
     * importer does for a missing claim), writing only when something changes.
     */
    static void replace(UserModel user, String attribute, String value) {
        List<String> current = user.getAttributeStream(attribute).toList();
        if (value == null) {
            if (!current.isEmpty()) {
                user.removeAttribute(attribute);
            }
        } else if (!List.of(value).equals(current)) {
            user.setSingleAttribute(attribute, value);
        }
    }
}
