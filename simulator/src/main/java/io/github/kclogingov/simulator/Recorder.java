package io.github.kclogingov.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Everything the simulator received, oldest first, so tests can assert what a relying party
 * actually sent. Thread-safe; the lists returned are snapshots.
 */
public final class Recorder {
    private final List<RecordedAuthorization> authorizations = new ArrayList<>();
    private final List<RecordedTokenRequest> tokenRequests = new ArrayList<>();
    private final List<RecordedUserinfo> userinfoRequests = new ArrayList<>();
    private final List<RecordedLogout> logouts = new ArrayList<>();
    private final List<RecordedJwksRequest> jwksRequests = new ArrayList<>();
    private final List<RecordedDiscoveryRequest> discoveryRequests = new ArrayList<>();
    private final List<SecurityEventDelivery> securityEvents = new ArrayList<>();
    private final List<ReceivedPartnerEvent> partnerEvents = new ArrayList<>();

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

    /**
     * The userinfo requests received at or after an instant of the simulator's clock
     * ({@link LoginGovSimulator#now()}), refused ones included; {@code size()} counts them.
     */
    public synchronized List<RecordedUserinfo> userinfoRequestsSince(Instant since) {
        return userinfoRequests.stream()
                .filter(request -> !request.receivedAt().isBefore(since))
                .toList();
    }

    public synchronized List<RecordedLogout> logouts() {
        return List.copyOf(logouts);
    }

    public synchronized List<RecordedJwksRequest> jwksRequests() {
        return List.copyOf(jwksRequests);
    }

    /** The JWKS fetches received at or after an instant of the simulator's clock; {@code size()} counts them. */
    public synchronized List<RecordedJwksRequest> jwksRequestsSince(Instant since) {
        return jwksRequests.stream()
                .filter(request -> !request.receivedAt().isBefore(since))
                .toList();
    }

    public synchronized List<RecordedDiscoveryRequest> discoveryRequests() {
        return List.copyOf(discoveryRequests);
    }

    /** The discovery fetches received at or after an instant of the simulator's clock. */
    public synchronized List<RecordedDiscoveryRequest> discoveryRequestsSince(Instant since) {
        return discoveryRequests.stream()
                .filter(request -> !request.receivedAt().isBefore(since))
                .toList();
    }

    /**
     * Every access token and id_token the token endpoint issued, oldest first, so a test can assert
     * that none of these exact strings ever reaches a database, log or page.
     */
    public synchronized List<String> issuedTokens() {
        return tokenRequests.stream()
                .flatMap(request -> Stream.of(request.issuedAccessToken(), request.issuedIdToken()))
                .filter(Objects::nonNull)
                .toList();
    }

    /** Every security event the simulator pushed, with the push URL's answer. */
    public synchronized List<SecurityEventDelivery> securityEvents() {
        return List.copyOf(securityEvents);
    }

    /**
     * Every security event a partner sent to {@code api/risc/security_events} (the other direction
     * from {@link #securityEvents()}), accepted or refused, with the answer. Login.gov refuses an
     * accepted event's {@code jti} again from the same client about the same person, so clearing
     * them also forgets those.
     */
    public synchronized List<ReceivedPartnerEvent> partnerEvents() {
        return List.copyOf(partnerEvents);
    }

    public synchronized void clearPartnerEvents() {
        partnerEvents.clear();
    }

    synchronized void record(ReceivedPartnerEvent event) {
        partnerEvents.add(event);
    }

    /** Whether an event with this jti from this client about this persona was accepted. */
    synchronized boolean partnerEventAccepted(String clientId, String jti, String personaId) {
        return partnerEvents.stream()
                .anyMatch(event -> event.accepted()
                        && clientId.equals(event.clientId())
                        && jti.equals(event.jti())
                        && personaId.equals(event.personaId()));
    }

    public synchronized void clear() {
        partnerEvents.clear();
        securityEvents.clear();
        authorizations.clear();
        tokenRequests.clear();
        userinfoRequests.clear();
        logouts.clear();
        jwksRequests.clear();
        discoveryRequests.clear();
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

    synchronized void record(SecurityEventDelivery delivery) {
        securityEvents.add(delivery);
    }

    synchronized void record(RecordedJwksRequest jwksRequest) {
        jwksRequests.add(jwksRequest);
    }

    synchronized void record(RecordedDiscoveryRequest discoveryRequest) {
        discoveryRequests.add(discoveryRequest);
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
