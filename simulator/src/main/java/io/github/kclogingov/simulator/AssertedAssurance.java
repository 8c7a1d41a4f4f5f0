package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.IdentityAssurance;
import java.time.Instant;

/**
 * The assurance claims Login.gov returns: {@code acr} (also {@code ial}), {@code aal} and, for a
 * service provider allowed to re-authenticate, {@code auth_time}. The one place that decides which
 * of them an id_token and its userinfo answer carry: a null component is left out of both.
 *
 * @param acr the asserted IAL in the form of the request, or null when a fault omits it
 * @param aal the requested AAL value as written, else the default; null when a fault omits it
 * @param authTime when the person authenticated, epoch seconds; null when not released
 */
record AssertedAssurance(String acr, String aal, Long authTime) {

    /**
     * The asserted IAL comes in the form of the request's IAL value; "preferred" is never returned
     * (IdentityAssurance.assertedFor already maps it); the aal echoes what was asked, not what was
     * enforced; auth_time is released only to a client on Login.gov's re-authentication allow list.
     */
    static AssertedAssurance of(Grant grant) {
        return of(grant, null, null);
    }

    /**
     * As {@link #of(Grant)}, for a token answered when the session is as {@code session} says:
     * once it has ended, identity-idp finds no authentication event in it and sends the time of
     * the answer as {@code auth_time}.
     */
    static AssertedAssurance of(Grant grant, SessionRemainder session, Instant now) {
        AcrValues requested = grant.request().acrValues();
        IdentityAssurance asserted = grant.assertedLevel();
        Instant authenticated = session != null && !session.alive() ? now : grant.authenticatedAt();
        Long authTime = grant.client().reauthenticationAllowed() ? authenticated.getEpochSecond() : null;
        return new AssertedAssurance(asserted.value(requested.form()), requested.expectedAalValue(), authTime);
    }

    AssertedAssurance withoutAal() {
        return new AssertedAssurance(acr, null, authTime);
    }

    AssertedAssurance withAuthTime(long epochSeconds) {
        return new AssertedAssurance(acr, aal, epochSeconds);
    }
}
