package io.github.kclogingov.broker.signals;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.UserModel;

/**
 * The note that Login.gov re-verified a person's identity: a user attribute listing the provider
 * aliases whose next verified sign-in must write the verified attributes again, whatever the
 * mappers' sync mode ({@link ReproofRefresh}). Not declared in the user profile, so Keycloak keeps
 * it read-only and out of the account console (unless unmanaged attributes are enabled).
 */
public final class ReproofMark {

    public static final String ATTRIBUTE = "logingov_reproof_pending";

    private ReproofMark() {}

    static void set(UserModel user, String alias) {
        List<String> aliases =
                new ArrayList<>(user.getAttributeStream(ATTRIBUTE).toList());
        if (!aliases.contains(alias)) {
            aliases.add(alias);
            user.setAttribute(ATTRIBUTE, aliases);
        }
    }

    static boolean isSet(UserModel user, String alias) {
        return user.getAttributeStream(ATTRIBUTE).anyMatch(alias::equals);
    }

    static void clear(UserModel user, String alias) {
        List<String> remaining = user.getAttributeStream(ATTRIBUTE)
                .filter(value -> !alias.equals(value))
                .toList();
        if (remaining.isEmpty()) {
            user.removeAttribute(ATTRIBUTE);
        } else {
            user.setAttribute(ATTRIBUTE, remaining);
        }
    }
}
