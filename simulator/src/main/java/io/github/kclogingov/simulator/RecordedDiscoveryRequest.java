package io.github.kclogingov.simulator;

import java.time.Instant;

/** One fetch of the discovery document, to count how often a relying party reads it. */
public record RecordedDiscoveryRequest(Instant receivedAt) {}
