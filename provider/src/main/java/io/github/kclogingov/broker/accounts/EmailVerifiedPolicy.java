package io.github.kclogingov.broker.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.protocol.LoginGovClaims;
import java.util.List;
import java.util.Optional;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.AbstractIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * When Login.gov's {@code email_verified} is believed. It is trusted only for an account this
 * provider created, or one only it can sign in to (no credential of its own, no other link), and
 * only as Login.gov sent it beside the email, in the same response. Any other account that takes a
 * new email from Login.gov gets it unverified, so a local account never gets a verified email from
 * Login.gov. Keycloak's "Trust email" switch is not used: it would trust the claim for every account.
 */
public final class EmailVerifiedPolicy {

    private EmailVerifiedPolicy() {}

    /** Sets the user's flag as the policy says, or leaves it alone. */
    public static void apply(KeycloakSession session, String alias, UserModel user, BrokeredIdentityContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        boolean newUser = authSession != null
                && Boolean.parseBoolean(authSession.getAuthNote(AbstractIdentityProvider.BROKER_REGISTERED_NEW_USER));
        boolean emailChanges = context.getEmail() != null && !context.getEmail().equalsIgnoreCase(user.getEmail());
        // Only asked when it matters: it reads the user's credentials and links.
        boolean onlyThisProvider = !newUser && emailChanges && onlyThisProviderSignsIn(session, alias, user);
        verdict(newUser, emailChanges, onlyThisProvider, emailVerifiedBesideEmail(context))
                .ifPresent(user::setEmailVerified);
    }

    /**
     * The flag to set, or empty to leave it as it is.
     *
     * @param newUser this sign-in created the account
     * @param emailChanges Login.gov's email differs from the account's
     * @param onlyThisProviderSignsIn the account has no credential of its own and no other link
     * @param verifiedBesideEmail Login.gov's {@code email_verified}, read beside the email; null when absent
     */
    static Optional<Boolean> verdict(
            boolean newUser, boolean emailChanges, boolean onlyThisProviderSignsIn, Boolean verifiedBesideEmail) {
        if (!newUser && !emailChanges) {
            return Optional.empty();
        }
        if (!newUser && !onlyThisProviderSignsIn) {
            return Optional.of(false);
        }
        return Optional.of(Boolean.TRUE.equals(verifiedBesideEmail));
    }

    private static boolean onlyThisProviderSignsIn(KeycloakSession session, String alias, UserModel user) {
        boolean ownCredentials =
                user.credentialManager().getStoredCredentialsStream().findAny().isPresent();
        List<String> links = session.users()
                .getFederatedIdentitiesStream(session.getContext().getRealm(), user)
                .map(FederatedIdentityModel::getIdentityProvider)
                .toList();
        return !ownCredentials && links.equals(List.of(alias));
    }

    /** The email comes from userinfo when Login.gov answered it, else from the id_token; so does its flag. */
    static Boolean emailVerifiedBesideEmail(BrokeredIdentityContext context) {
        JsonNode userInfo = (JsonNode) context.getContextData().get(OIDCIdentityProvider.USER_INFO);
        if (userInfo != null && userInfo.hasNonNull(LoginGovClaims.EMAIL)) {
            JsonNode flag = userInfo.get(LoginGovClaims.EMAIL_VERIFIED);
            return flag != null && flag.isBoolean() ? flag.booleanValue() : null;
        }
        JsonWebToken idToken = (JsonWebToken) context.getContextData().get(OIDCIdentityProvider.VALIDATED_ID_TOKEN);
        Object flag = idToken == null || idToken.getOtherClaims() == null
                ? null
                : idToken.getOtherClaims().get(LoginGovClaims.EMAIL_VERIFIED);
        return flag instanceof Boolean verified ? verified : null;
    }
}
