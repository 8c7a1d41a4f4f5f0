package io.github.kclogingov.simulator;

/** A one-shot misbehaviour of the next valid authorization request. */
public enum AuthorizationFault {
    /** The person pressed "Cancel": {@code redirect_uri?error=access_denied&state=...}. */
    CANCEL
}
