package io.github.kclogingov.broker.migration;

/**
 * Another identity provider of the realm, as far as telling two providers for one Login.gov client
 * apart needs: its alias, and the issuer and client ID it uses (null when it has none).
 */
public record OtherProvider(String alias, String issuer, String clientId) {}
