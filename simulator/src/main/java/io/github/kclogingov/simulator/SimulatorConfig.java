package io.github.kclogingov.simulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a simulator starts with. Build one with {@link #builder()}.
 *
 * @param issuer the fixed issuer URL, or null for {@code http://localhost:<bound port>/}
 * @param bindAddress the address to listen on; 127.0.0.1 unless the simulator must be reachable
 *     from another host or a container
 * @param clock read for every expiry, so tests can move time instead of waiting
 */
public record SimulatorConfig(
        String issuer,
        List<ServiceProvider> serviceProviders,
        List<Persona> personas,
        Mode mode,
        String autoPersona,
        Clock clock,
        String bindAddress) {

    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final String DEFAULT_AUTO_PERSONA = "verified";

    public SimulatorConfig {
        serviceProviders = List.copyOf(serviceProviders);
        personas = List.copyOf(personas);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(bindAddress, "bindAddress");
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

        public SimulatorConfig build() {
            String persona = autoPersona;
            if (persona == null) {
                persona = personas.stream().anyMatch(p -> p.id().equals(DEFAULT_AUTO_PERSONA))
                        ? DEFAULT_AUTO_PERSONA
                        : personas.isEmpty() ? null : personas.get(0).id();
            }
            return new SimulatorConfig(issuer, serviceProviders, personas, mode, persona, clock, bindAddress);
        }
    }
}
