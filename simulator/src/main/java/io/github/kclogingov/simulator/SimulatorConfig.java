package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.LoginGovProtocol;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a simulator starts with. Build one with {@link #builder()}.
 *
 * @param issuer the fixed issuer URL, or null for {@code http://localhost:<bound port>/}
 * @param bindAddress the address to listen on; 127.0.0.1 unless the simulator must be reachable
 *     from another host or a container
 * @param clock read for every expiry, so tests can move time instead of waiting
 * @param sessionTimeout how long the person's Login.gov session lasts without activity there
 *     (Login.gov: 900 s); the tokens' {@code exp} and {@code expires_in} are what is left of it
 * @param throttle the per-IP throttle (Login.gov's public default: 300 requests per 300 s)
 * @param logoutConfirmation when logout asks the person (Login.gov: whenever they are signed in)
 * @param idTokenCarriesUserinfo whether the id_token carries the scoped userinfo claims, as Login.gov's does
 * @param backChannelDelays the round trip added to each back-channel endpoint's answers (none unless set;
 *     see {@link BackChannelDelays})
 */
public record SimulatorConfig(
        String issuer,
        List<ServiceProvider> serviceProviders,
        List<Persona> personas,
        Mode mode,
        String autoPersona,
        Clock clock,
        String bindAddress,
        Duration sessionTimeout,
        ThrottleSettings throttle,
        LogoutConfirmation logoutConfirmation,
        boolean idTokenCarriesUserinfo,
        Map<Outages.Endpoint, Duration> backChannelDelays) {

    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final String DEFAULT_AUTO_PERSONA = "verified";

    public SimulatorConfig {
        serviceProviders = List.copyOf(serviceProviders);
        personas = List.copyOf(personas);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(bindAddress, "bindAddress");
        SignInSessions.checkedTimeout(sessionTimeout);
        Objects.requireNonNull(throttle, "throttle");
        Objects.requireNonNull(logoutConfirmation, "logoutConfirmation");
        Objects.requireNonNull(backChannelDelays, "backChannelDelays").values().forEach(BackChannelDelays::checked);
        backChannelDelays = Map.copyOf(backChannelDelays);
        if (personas.isEmpty()) {
            throw new IllegalArgumentException("The simulator needs at least one persona");
        }
        Set<String> ids = new HashSet<>();
        for (Persona persona : personas) {
            if (!ids.add(persona.id())) {
                throw new IllegalArgumentException("Two personas have the id " + persona.id());
            }
        }
        Set<String> clientIds = new HashSet<>();
        for (ServiceProvider serviceProvider : serviceProviders) {
            if (!clientIds.add(serviceProvider.clientId())) {
                throw new IllegalArgumentException(
                        "Two service providers have the client_id " + serviceProvider.clientId());
            }
        }
        if (!ids.contains(autoPersona)) {
            throw new IllegalArgumentException("autoPersona " + autoPersona + " is not one of the personas " + ids);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the settings; only the service providers have no sensible default. */
    public static final class Builder {
        private String issuer;
        private final List<ServiceProvider> serviceProviders = new ArrayList<>();
        private List<Persona> personas = Persona.defaults();
        private Mode mode = Mode.AUTOMATIC;
        private String autoPersona;
        private Clock clock = Clock.systemUTC();
        private String bindAddress = DEFAULT_BIND_ADDRESS;
        private Duration sessionTimeout = LoginGovProtocol.SESSION_TIMEOUT;
        private ThrottleSettings throttle = ThrottleSettings.loginGovDefault();
        private LogoutConfirmation logoutConfirmation = LogoutConfirmation.WHEN_SIGNED_IN;
        private boolean idTokenCarriesUserinfo = true;
        private final Map<Outages.Endpoint, Duration> backChannelDelays = new EnumMap<>(Outages.Endpoint.class);

        private Builder() {}

        /** A fixed issuer URL (a trailing slash is added), or null for the bound localhost port. */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder serviceProvider(ServiceProvider serviceProvider) {
            serviceProviders.add(Objects.requireNonNull(serviceProvider));
            return this;
        }

        public Builder serviceProviders(List<ServiceProvider> serviceProviders) {
            serviceProviders.forEach(this::serviceProvider);
            return this;
        }

        public Builder personas(List<Persona> personas) {
            this.personas = List.copyOf(personas);
            return this;
        }

        public Builder mode(Mode mode) {
            this.mode = mode;
            return this;
        }

        /** The persona AUTOMATIC mode signs in; defaults to "verified", or the first persona. */
        public Builder autoPersona(String personaId) {
            this.autoPersona = personaId;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder bindAddress(String bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        /** How long a Login.gov session lasts without activity; default 900 s, as Login.gov's. */
        public Builder sessionTimeout(Duration sessionTimeout) {
            this.sessionTimeout = sessionTimeout;
            return this;
        }

        /** The per-IP throttle; default Login.gov's public one, {@link ThrottleSettings#off()} for none. */
        public Builder throttle(ThrottleSettings throttle) {
            this.throttle = throttle;
            return this;
        }

        /** When logout asks the person; default {@link LogoutConfirmation#WHEN_SIGNED_IN}, as Login.gov. */
        public Builder logoutConfirmation(LogoutConfirmation logoutConfirmation) {
            this.logoutConfirmation = logoutConfirmation;
            return this;
        }

        /** With false, the id_token carries the token claims and assurance only, no scoped userinfo claim. */
        public Builder idTokenCarriesUserinfo(boolean idTokenCarriesUserinfo) {
            this.idTokenCarriesUserinfo = idTokenCarriesUserinfo;
            return this;
        }

        /**
         * The round trip every answer of {@code endpoint} waits, as a real Login.gov's network adds
         * (about 50 ms from an agency's data centre); default none.
         *
         * @throws IllegalArgumentException unless whole milliseconds from 0 to 10 s
         */
        public Builder backChannelDelay(Outages.Endpoint endpoint, Duration delay) {
            backChannelDelays.put(Objects.requireNonNull(endpoint, "endpoint"), BackChannelDelays.checked(delay));
            return this;
        }

        public SimulatorConfig build() {
            String persona = autoPersona;
            if (persona == null) {
                persona = personas.stream().anyMatch(p -> p.id().equals(DEFAULT_AUTO_PERSONA))
                        ? DEFAULT_AUTO_PERSONA
                        : personas.isEmpty() ? null : personas.get(0).id();
            }
            return new SimulatorConfig(
                    issuer,
                    serviceProviders,
                    personas,
                    mode,
                    persona,
                    clock,
                    bindAddress,
                    sessionTimeout,
                    throttle,
                    logoutConfirmation,
                    idTokenCarriesUserinfo,
                    backChannelDelays);
        }
    }
}
