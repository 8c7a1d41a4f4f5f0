package io.github.kclogingov.broker.signin;

import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import java.util.Optional;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The person already signed in to the Keycloak session a Login.gov answer would join: a step-up, a
 * re-authentication ({@code prompt=login}, {@code max_age}) or any other sign-in started inside a
 * live single sign-on session. Keycloak joins the user session whose id is the authentication
 * session's root id, and stops with "You are already authenticated as different user" when the
 * sign-in ended with another user, after the first-broker-login flow has already created or linked
 * that user. This class answers the same question before any user is touched: is Login.gov's
 * answer about the account signed in here? Accounts are matched by the federated link of this
 * alias only, never by email.
 */
public final class SignedInAccount {

    private SignedInAccount() {}

    /** The live user session this sign-in would join, with its user; empty for a sign-in that starts one. */
    public static Optional<UserSessionModel> of(KeycloakSession session, AuthenticationSessionModel authSession) {
        if (authSession == null || authSession.getParentSession() == null) {
            return Optional.empty();
        }
        RealmModel realm = authSession.getRealm();
        UserSessionModel userSession = session.sessions()
                .getUserSession(realm, authSession.getParentSession().getId());
        if (userSession == null
                || userSession.getUser() == null
                || !AuthenticationManager.isSessionValid(realm, userSession)) {
            return Optional.empty();
        }
        return Optional.of(userSession);
    }

    /**
     * Refuses Login.gov's answer (its {@code sub}) when it is not about the account signed in to
     * the session this sign-in would join. A sign-in outside a live session is not checked here.
     *
     * @throws AnotherAccountException when the answer is about another account
     */
    public static void check(
            KeycloakSession session, AuthenticationSessionModel authSession, String alias, String answeredSub) {
        Optional<UserSessionModel> signedIn = of(session, authSession);
        if (signedIn.isEmpty()) {
            return;
        }
        RealmModel realm = authSession.getRealm();
        UserModel user = signedIn.get().getUser();
        FederatedIdentityModel link = session.users().getFederatedIdentity(realm, user, alias);
        UserModel owner =
                session.users().getUserByFederatedIdentity(realm, new FederatedIdentityModel(alias, answeredSub, null));
        if (isAnotherAccount(
                user.getId(),
                link == null ? null : link.getUserId(),
                owner == null ? null : owner.getId(),
                answeredSub)) {
            throw new AnotherAccountException();
        }
    }

    /**
     * The rule, on identifiers only.
     *
     * @param signedInUserId the Keycloak user signed in to the session
     * @param signedInSub the Login.gov subject linked to that user for this alias, or null when none is
     * @param answeredSubOwnerId the Keycloak user linked to the answered subject for this alias, or null
     * @param answeredSub the subject of Login.gov's answer
     * @return true when the answer is about another account than the signed-in one: the signed-in user
     *     is linked to another subject, or the answered subject is linked to another user. A signed-in
     *     user without a link, answered for a subject nobody has, is left to Keycloak's
     *     first-broker-login flow (the realm decides whether such an account may be linked).
     */
    static boolean isAnotherAccount(
            String signedInUserId, String signedInSub, String answeredSubOwnerId, String answeredSub) {
        if (signedInSub != null && !signedInSub.equals(answeredSub)) {
            return true;
        }
        return answeredSubOwnerId != null && !answeredSubOwnerId.equals(signedInUserId);
    }

    /** Login.gov answered for another account than the one signed in: nothing is created, linked or changed. */
    public static final class AnotherAccountException extends LoginGovLoginException {
        public AnotherAccountException() {
            super(
                    FailureCode.ANOTHER_ACCOUNT,
                    "Login.gov answered for another account than the one signed in to this session;"
                            + " nothing was changed and the session keeps its level");
        }
    }
}
