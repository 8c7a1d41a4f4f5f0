package io.github.kclogingov.benchmark.signins;

import io.github.kclogingov.simulator.Recorder;
import java.time.Instant;

/**
 * The calls a broker's server made to the simulator's back channel: what each sign-in costs in round
 * trips to Login.gov, and against its per-IP throttle.
 */
record BackChannelCalls(int token, int userinfo, int jwks, int discovery) {
    static final BackChannelCalls NONE = new BackChannelCalls(0, 0, 0, 0);

    /** The calls the simulator recorded at or after {@code since} (its own clock). */
    static BackChannelCalls since(Recorder recorder, Instant since) {
        return new BackChannelCalls(
                (int) recorder.tokenRequests().stream()
                        .filter(request -> !request.receivedAt().isBefore(since))
                        .count(),
                recorder.userinfoRequestsSince(since).size(),
                recorder.jwksRequestsSince(since).size(),
                recorder.discoveryRequestsSince(since).size());
    }

    BackChannelCalls plus(BackChannelCalls other) {
        return new BackChannelCalls(
                token + other.token, userinfo + other.userinfo, jwks + other.jwks, discovery + other.discovery);
    }

    int total() {
        return token + userinfo + jwks + discovery;
    }
}
