package io.github.kclogingov.it.support;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The Keycloak under test: the distribution of the version this run is for ({@link
 * KeycloakUnderTest}) with the provider JAR, as built by the provider module, dropped into {@code
 * providers/}. The server log also goes to a file so that
 * tests can read what the server wrote, with Keycloak's broker categories, its userinfo dump
 * ({@code org.keycloak.social.user_profile_dump}) and the provider's own at DEBUG: every test runs
 * with the most talkative logging an operator could turn on there (less the mapper-sync chatter),
 * and {@code PersonalDataTest} checks that none of Login.gov's tokens or
 * claim values reach it.
 */
public class LoginGovServerConfig implements KeycloakServerConfig {

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        KeycloakUnderTest.adaptServerOptions(config);
        ProductionBuildOptions.apply(config);
        config.log()
                .handlers(
                        KeycloakServerConfigBuilder.LogHandlers.CONSOLE, KeycloakServerConfigBuilder.LogHandlers.FILE);
        return config.dependency("io.github.kclogingov", "logingov-keycloak-provider")
                .option("log-file", ServerLog.path().toString())
                // A file vault, so that a key store's passwords can stay out of the database.
                .option("vault", "file")
                .option("vault-dir", KeycloakVault.created().toString())
                // Where the java-keystore key provider takes key store files from: <dir>/<realm>/.
                .option(
                        "spi-keys--java-keystore--keystores-path",
                        KeycloakVault.keystores().toString())
                .option(
                        "log-level",
                        "INFO,org.keycloak.broker:debug,org.keycloak.broker.provider.mappersync:info,org.keycloak.social.user_profile_dump:debug,io.github.kclogingov:debug");
    }
}
