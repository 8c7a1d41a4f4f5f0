package io.github.kclogingov.broker.mappers;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.userprofile.UserProfileProvider;

/**
 * Warns when a mapper writes a user attribute the realm's user profile does not keep: since
 * Keycloak 24 the user profile is always on, and an attribute that is neither declared in it nor
 * allowed as an unmanaged attribute is not managed by Keycloak (the admin console and the admin
 * REST API leave it out). The warning names the mapper,
 * the attributes and the fix; it never carries a value.
 */
final class UserProfileCheck {

    private static final Logger LOG = Logger.getLogger(UserProfileCheck.class);

    /** Attributes every user profile has, which the user attribute mapper writes through the user's own fields. */
    private static final Set<String> ROOT_ATTRIBUTES = Set.of(
            UserModel.USERNAME.toLowerCase(Locale.ROOT),
            UserModel.EMAIL.toLowerCase(Locale.ROOT),
            UserModel.FIRST_NAME.toLowerCase(Locale.ROOT),
            UserModel.LAST_NAME.toLowerCase(Locale.ROOT));

    private UserProfileCheck() {}

    /**
     * Logs one WARN if the realm's user profile does not keep some of {@code attributes}. Never
     * fails the sign-in: if the configuration cannot be read, nothing is logged above DEBUG.
     */
    static void warnIfNotKept(
            KeycloakSession session,
            RealmModel realm,
            IdentityProviderMapperModel mapperModel,
            String mapperType,
            Collection<String> attributes) {
        if (session == null || realm == null || attributes.isEmpty()) {
            return;
        }
        UPConfig config;
        try {
            RealmModel contextRealm = session.getContext().getRealm();
            if (contextRealm == null || !contextRealm.getId().equals(realm.getId())) {
                return; // the user profile provider reads the realm of the session's context
            }
            UserProfileProvider provider = session.getProvider(UserProfileProvider.class);
            config = provider == null ? null : provider.getConfiguration();
        } catch (RuntimeException e) {
            LOG.debugf(
                    "Could not read the user profile of realm '%s' for mapper '%s': %s",
                    realm.getName(), mapperModel.getName(), e.toString());
            return;
        }
        List<String> notKept = notKept(config, attributes);
        if (!notKept.isEmpty()) {
            boolean one = notKept.size() == 1;
            LOG.warnf(
                    "%s '%s' of identity provider '%s' imports user attribute%s %s, which the user profile of realm '%s' "
                            + "does not declare while unmanaged attributes are disabled: Keycloak does not manage %s and "
                            + "administrators cannot see %s. Declare %s under Realm settings > User profile.",
                    mapperType,
                    mapperModel.getName(),
                    mapperModel.getIdentityProviderAlias(),
                    one ? "" : "s",
                    String.join(", ", notKept),
                    realm.getName(),
                    one ? "it" : "them",
                    one ? "it" : "them",
                    one ? "it" : "them");
        }
    }

    /** The attributes of {@code attributes} that {@code config} neither declares nor lets in as unmanaged ones, in order. */
    static List<String> notKept(UPConfig config, Collection<String> attributes) {
        if (config == null) {
            return List.of();
        }
        return attributes.stream()
                .filter(attribute -> !isKept(config, attribute))
                .distinct()
                .toList();
    }

    /**
     * True if the user profile keeps {@code attribute}: a root attribute, a declared one, or any
     * attribute when unmanaged attributes are enabled (for everyone, or for administrators only:
     * either way Keycloak stores the attribute and an administrator sees it).
     */
    static boolean isKept(UPConfig config, String attribute) {
        if (attribute == null || attribute.isBlank() || ROOT_ATTRIBUTES.contains(attribute.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (config.getUnmanagedAttributePolicy() != null) {
            return true;
        }
        return config.getAttributes() != null && config.getAttribute(attribute) != null;
    }
}
