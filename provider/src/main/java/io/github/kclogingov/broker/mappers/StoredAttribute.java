package io.github.kclogingov.broker.mappers;

import java.util.List;
import org.keycloak.models.UserModel;

/** How the Login.gov mappers update one single-valued attribute of a stored user. */
final class StoredAttribute {

    private StoredAttribute() {}

    /**
     * Sets {@code value}, writing only when something changes. No value leaves the attribute alone:
     * Login.gov releases verified claims only to verified sign-ins, so a claim missing from an
     * auth-only sign-in says nothing about the person (Keycloak's own importer would delete it).
     */
    static void replace(UserModel user, String attribute, String value) {
        if (value != null
                && !List.of(value).equals(user.getAttributeStream(attribute).toList())) {
            user.setSingleAttribute(attribute, value);
        }
    }
}
