package io.github.kclogingov.simulator;

import java.time.Instant;

/** One fetch of the JWKS, to count a relying party's fetches (cache use, re-fetch on an unknown kid). */
public record RecordedJwksRequest(Instant receivedAt) {}
