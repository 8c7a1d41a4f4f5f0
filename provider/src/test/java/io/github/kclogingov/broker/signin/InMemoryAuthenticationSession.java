package io.github.kclogingov.broker.signin;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

/**
 * An authentication session as plain data: its client notes (the application's request) and its
 * auth notes work; everything else is no part of what these tests read and throws.
 */
final class InMemoryAuthenticationSession implements AuthenticationSessionModel {

    private final Map<String, String> clientNotes = new HashMap<>();
    private final Map<String, String> authNotes = new HashMap<>();

    /** A session whose application sent {@code clientNotes} (parameter name, then value, repeated). */
    static InMemoryAuthenticationSession withClientNotes(String... nameThenValue) {
        InMemoryAuthenticationSession session = new InMemoryAuthenticationSession();
        for (int i = 0; i < nameThenValue.length; i += 2) {
            session.setClientNote(nameThenValue[i], nameThenValue[i + 1]);
        }
        return session;
    }

    @Override
    public String getClientNote(String name) {
        return clientNotes.get(name);
    }

    @Override
    public void setClientNote(String name, String value) {
        if (value == null) {
            clientNotes.remove(name);
        } else {
            clientNotes.put(name, value);
        }
    }

    @Override
    public void removeClientNote(String name) {
        clientNotes.remove(name);
    }

    @Override
    public Map<String, String> getClientNotes() {
        return Map.copyOf(clientNotes);
    }

    @Override
    public void clearClientNotes() {
        clientNotes.clear();
    }

    @Override
    public String getAuthNote(String name) {
        return authNotes.get(name);
    }

    @Override
    public void setAuthNote(String name, String value) {
        if (value == null) {
            authNotes.remove(name);
        } else {
            authNotes.put(name, value);
        }
    }

    @Override
    public void removeAuthNote(String name) {
        authNotes.remove(name);
    }

    @Override
    public void clearAuthNotes() {
        authNotes.clear();
    }

    private static UnsupportedOperationException notInTests() {
        return new UnsupportedOperationException("only client notes and auth notes are kept in this fake");
    }

    @Override
    public String getTabId() {
        throw notInTests();
    }

    @Override
    public RootAuthenticationSessionModel getParentSession() {
        throw notInTests();
    }

    @Override
    public Map<String, ExecutionStatus> getExecutionStatus() {
        throw notInTests();
    }

    @Override
    public void setExecutionStatus(String authenticator, ExecutionStatus status) {
        throw notInTests();
    }

    @Override
    public void clearExecutionStatus() {
        throw notInTests();
    }

    @Override
    public UserModel getAuthenticatedUser() {
        throw notInTests();
    }

    @Override
    public void setAuthenticatedUser(UserModel user) {
        throw notInTests();
    }

    @Override
    public Set<String> getRequiredActions() {
        throw notInTests();
    }

    @Override
    public void addRequiredAction(String action) {
        throw notInTests();
    }

    @Override
    public void removeRequiredAction(String action) {
        throw notInTests();
    }

    @Override
    public void addRequiredAction(UserModel.RequiredAction action) {
        throw notInTests();
    }

    @Override
    public void removeRequiredAction(UserModel.RequiredAction action) {
        throw notInTests();
    }

    @Override
    public void setUserSessionNote(String name, String value) {
        throw notInTests();
    }

    @Override
    public Map<String, String> getUserSessionNotes() {
        throw notInTests();
    }

    @Override
    public void clearUserSessionNotes() {
        throw notInTests();
    }

    @Override
    public Set<String> getClientScopes() {
        throw notInTests();
    }

    @Override
    public void setClientScopes(Set<String> clientScopes) {
        throw notInTests();
    }

    @Override
    public String getRedirectUri() {
        throw notInTests();
    }

    @Override
    public void setRedirectUri(String uri) {
        throw notInTests();
    }

    @Override
    public RealmModel getRealm() {
        throw notInTests();
    }

    @Override
    public ClientModel getClient() {
        throw notInTests();
    }

    @Override
    public String getAction() {
        throw notInTests();
    }

    @Override
    public void setAction(String action) {
        throw notInTests();
    }

    @Override
    public String getProtocol() {
        throw notInTests();
    }

    @Override
    public void setProtocol(String method) {
        throw notInTests();
    }
}
