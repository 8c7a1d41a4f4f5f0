package io.github.kclogingov.simulator;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One-shot misbehaviours, each consumed by the next request it applies to. Tests set one, make
 * the relying party act, and assert that it refused what it got.
 */
public final class Faults {
    private final AtomicReference<AuthorizationFault> authorization = new AtomicReference<>();
    private final AtomicReference<IdTokenFault> idToken = new AtomicReference<>();
    private final AtomicReference<UserinfoFault> userinfo = new AtomicReference<>();
    private final AtomicReference<String> tokenError = new AtomicReference<>();
    private final AtomicReference<AssuranceOverride> assurance = new AtomicReference<>(AssuranceOverride.NONE);

    Faults() {}

    /** The next valid authorization request ends with this fault instead of a sign-in. */
    public Faults nextAuthorization(AuthorizationFault fault) {
        authorization.set(fault);
        return this;
    }

    /** The next id_token carries this defect. */
    public Faults nextIdToken(IdTokenFault fault) {
        idToken.set(fault);
        return this;
    }

    /** The next successful userinfo answer carries this defect. */
    public Faults nextUserinfo(UserinfoFault fault) {
        userinfo.set(fault);
        return this;
    }

    /** The next token request answers HTTP 400 {@code {"error": error}}; its code stays usable. */
    public Faults nextTokenError(String error) {
        tokenError.set(error);
        return this;
    }

    /** The next tokens assert this acr (id_token {@code acr}, {@code ial} in id_token and userinfo). */
    public Faults overrideNextAcr(String acr) {
        assurance.updateAndGet(current -> new AssuranceOverride(false, acr, current.aal()));
        return this;
    }

    /** The next tokens carry this {@code aal} (id_token and userinfo). */
    public Faults overrideNextAal(String aal) {
        assurance.updateAndGet(current -> new AssuranceOverride(current.omitAcr(), current.acr(), aal));
        return this;
    }

    /** The next tokens carry no {@code acr} and no {@code ial}. */
    public Faults omitNextAcr() {
        assurance.updateAndGet(current -> new AssuranceOverride(true, null, current.aal()));
        return this;
    }

    /** Drops every pending fault and override (not the {@link JwksOptions}, which are not one-shot). */
    public void clear() {
        authorization.set(null);
        idToken.set(null);
        userinfo.set(null);
        tokenError.set(null);
        assurance.set(AssuranceOverride.NONE);
    }

    Optional<AuthorizationFault> takeAuthorizationFault() {
        return Optional.ofNullable(authorization.getAndSet(null));
    }

    Optional<IdTokenFault> takeIdTokenFault() {
        return Optional.ofNullable(idToken.getAndSet(null));
    }

    Optional<UserinfoFault> takeUserinfoFault() {
        return Optional.ofNullable(userinfo.getAndSet(null));
    }

    Optional<String> takeTokenError() {
        return Optional.ofNullable(tokenError.getAndSet(null));
    }

    AssuranceOverride takeAssuranceOverride() {
        return assurance.getAndSet(AssuranceOverride.NONE);
    }

    /** What replaces the asserted acr/aal in the next tokens; null fields change nothing. */
    record AssuranceOverride(boolean omitAcr, String acr, String aal) {
        static final AssuranceOverride NONE = new AssuranceOverride(false, null, null);

        AssertedAssurance applyTo(AssertedAssurance asserted) {
            String newAcr = omitAcr ? null : acr != null ? acr : asserted.acr();
            return new AssertedAssurance(newAcr, aal != null ? aal : asserted.aal(), asserted.authTime());
        }
    }
}
