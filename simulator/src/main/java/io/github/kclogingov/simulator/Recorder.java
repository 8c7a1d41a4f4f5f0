package io.github.kclogingov.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Everything the simulator received, oldest first, so tests can assert what a relying party
 * actually sent. Thread-safe; the lists returned are snapshots.
 */
public final class Recorder {
    private final List<RecordedAuthorization> authorizations = new ArrayList<>();
    private final List<RecordedTokenRequest> tokenRequests = new ArrayList<>();
    private final List<RecordedUserinfo> userinfoRequests = new ArrayList<>();
    private final List<RecordedLogout> logouts = new ArrayList<>();

    Recorder() {}

    public synchronized List<RecordedAuthorization> authorizations() {
        return List.copyOf(authorizations);
    }

    public synchronized List<RecordedTokenRequest> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    public synchronized List<RecordedUserinfo> userinfoRequests() {
        return List.copyOf(userinfoRequests);
    }

    public synchronized List<RecordedLogout> logouts() {
        return List.copyOf(logouts);
    }

    public synchronized void clear() {
        authorizations.clear();
        tokenRequests.clear();
        userinfoRequests.clear();
        logouts.clear();
    }

    synchronized void record(RecordedAuthorization authorization) {
        authorizations.add(authorization);
    }

    synchronized void record(RecordedTokenRequest tokenRequest) {
        tokenRequests.add(tokenRequest);
    }

    synchronized void record(RecordedUserinfo userinfo) {
        userinfoRequests.add(userinfo);
    }

    synchronized void record(RecordedLogout logout) {
        logouts.add(logout);
    }

    /** Replaces the authorization recorded under the id; nothing when it was cleared meanwhile. */
    synchronized void update(String authorizationId, UnaryOperator<RecordedAuthorization> change) {
        authorizations.replaceAll(a -> a.id().equals(authorizationId) ? change.apply(a) : a);
    }

    /** Replaces the logout recorded under the id; nothing when it was cleared meanwhile. */
    synchronized void updateLogout(String logoutId, UnaryOperator<RecordedLogout> change) {
        logouts.replaceAll(l -> l.id().equals(logoutId) ? change.apply(l) : l);
    }
}
