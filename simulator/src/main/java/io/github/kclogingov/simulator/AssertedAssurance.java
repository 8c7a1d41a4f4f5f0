package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.IdentityAssurance;

/**
 * The assurance claims Login.gov returns: {@code acr} (also {@code ial}) and {@code aal}.
 *
 * @param acr the asserted IAL in the form of the request, or null when a fault omits it
 * @param aal the requested AAL value as written, else the default
 */
record AssertedAssurance(String acr, String aal) {

    /**
     * The asserted IAL comes in the form of the request's IAL value; "preferred" is never returned
     * (IdentityAssurance.assertedFor already maps it); the aal echoes what was asked, not what was enforced.
     */
    static AssertedAssurance of(AcrValues requested, IdentityAssurance asserted) {
        return new AssertedAssurance(asserted.value(requested.form()), requested.expectedAalValue());
    }
}
