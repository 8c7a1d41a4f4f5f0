/**
 * A Login.gov identity provider's configuration: the stored settings parsed once into
 * {@link io.github.kclogingov.broker.config.LoginGovSettings}, Keycloak's OpenID Connect settings
 * that Login.gov's protocol pins, the checks run when an administrator saves, and the admin form.
 * Only this package reads or writes the raw configuration map.
 */
package io.github.kclogingov.broker.config;
