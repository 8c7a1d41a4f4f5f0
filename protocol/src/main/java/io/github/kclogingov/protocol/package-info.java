/**
 * Login.gov's OpenID Connect protocol vocabulary: environments and endpoints, identity (IAL)
 * and authentication (AAL) assurance values, scopes and the fixed protocol limits.
 *
 * <p>Plain Java with no Keycloak or JOSE dependency, so that the provider, the simulator and
 * every test read the same rules from one place.
 */
package io.github.kclogingov.protocol;
