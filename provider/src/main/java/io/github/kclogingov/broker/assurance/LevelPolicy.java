package io.github.kclogingov.broker.assurance;

import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.Registration;

/**
 * What one Login.gov provider may ask Login.gov for: its default level, which is also the floor of
 * every request, the level names it understands, and what its client is registered for.
 */
public record LevelPolicy(AcrValues floor, AssuranceNames names, Registration registration) {}
