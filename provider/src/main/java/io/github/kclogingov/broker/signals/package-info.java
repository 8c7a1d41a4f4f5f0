/**
 * Login.gov's security events (RISC Security Event Tokens pushed to the provider's push URL): the
 * receiver that verifies each token, the replay guard, and what Keycloak does to the linked user
 * (disable, enable, unlink, end sessions with back-channel logout after the answer, refresh the
 * verified attributes at the next sign-in), each recorded as a Keycloak event.
 */
package io.github.kclogingov.broker.signals;
