package io.github.kclogingov.broker.config;

import io.github.kclogingov.broker.assurance.AssuranceNames;
import io.github.kclogingov.broker.assurance.LevelPolicy;
import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.ClientAuthentication;
import io.github.kclogingov.protocol.LoginGovAttribute;
import io.github.kclogingov.protocol.LoginGovEndpoints;
import io.github.kclogingov.protocol.LoginGovEnvironment;
import io.github.kclogingov.protocol.Registration;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The Login.gov settings of one identity provider, parsed once ({@link SettingsParser}) into typed
 * values: nothing else reads the raw configuration map.
 *
 * @param environment where Login.gov runs
 * @param endpoints its URLs, derived from the environment (or the custom base URL)
 * @param registration what the partner portal registered the client for
 * @param defaultLevel sent when the application asks for no level, and the floor of every request
 * @param assuranceNames the built-in level names plus the administrator's own
 * @param attributes the attributes the administrator chose; empty when the scopes are written by hand
 * @param clientAuthentication how the token call is authenticated
 * @param signingKeyId the {@code kid} of the realm key dedicated to client assertions, if set
 * @param idTokenMaxAge how old an id_token's {@code iat} may be
 * @param ialMaxAge how long a session's verified-identity assertion may be reused by step-up single sign-on
 * @param aalMaxAge how long an assertion of an AAL above Login.gov's default (aal2, phishing-resistant,
 *     PIV/CAC) may be reused
 * @param reauthenticationAllowed Login.gov allow-listed this client for {@code prompt=login} and {@code auth_time}
 * @param alwaysCallUserinfo call userinfo at every sign-in, even when the id_token already carries
 *     every claim the request was promised
 * @param timeouts how long each call to Login.gov may wait to connect and to read
 */
public record LoginGovSettings(
        LoginGovEnvironment environment,
        LoginGovEndpoints endpoints,
        Registration registration,
        AcrValues defaultLevel,
        AssuranceNames assuranceNames,
        Optional<Set<LoginGovAttribute>> attributes,
        ClientAuthentication clientAuthentication,
        Optional<String> signingKeyId,
        Duration idTokenMaxAge,
        Duration ialMaxAge,
        Duration aalMaxAge,
        boolean reauthenticationAllowed,
        boolean alwaysCallUserinfo,
        UpstreamTimeouts timeouts) {

    /** What this provider may ask Login.gov for, for the assurance rules. */
    public LevelPolicy levelPolicy() {
        return new LevelPolicy(defaultLevel, assuranceNames, registration);
    }

    /** True when some sign-in through this provider can be at a verified level (and receive verified attributes). */
    public boolean canRequestVerifiedLevels() {
        return registration == Registration.VERIFIED || defaultLevel.ial().releasesVerifiedAttributes();
    }
}
