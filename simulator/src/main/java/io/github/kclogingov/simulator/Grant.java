package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.IdentityAssurance;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * What an authorization code stands for: a persona signed in for a request, at an asserted level.
 *
 * @param assertedLevel what {@link IdentityAssurance#assertedFor} gave for the persona's proofing
 * @param session the person's Login.gov session the sign-in happened in ({@link SignInSessions}),
 *     as identity-idp keeps {@code rails_session_id} on the identity: its end decides the tokens' life
 */
record Grant(
        AuthorizationRequest request,
        Persona persona,
        IdentityAssurance assertedLevel,
        Instant authenticatedAt,
        String session) {

    /** The same grant for the persona as it is now (see {@link SimulatorContext#current}). */
    Grant withPersona(Persona current) {
        return new Grant(request, current, assertedLevel, authenticatedAt, session);
    }

    ServiceProvider client() {
        return request.client();
    }

    /**
     * The pairwise {@code sub}: a UUID stable for one persona at one client, different between
     * clients, as production's is per agency.
     */
    String subject() {
        return pairwiseSubject(persona.id(), client().clientId());
    }

    static String pairwiseSubject(String personaId, String clientId) {
        return UUID.nameUUIDFromBytes((personaId + "\n" + clientId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
