/**
 * Keycloak accounts that Login.gov signs in to: when Login.gov's {@code email_verified} is
 * believed, and the mappers a new provider starts with. Accounts are matched by Login.gov's
 * {@code sub} only, never by email (Keycloak's first-broker-login flow does the matching).
 */
package io.github.kclogingov.broker.accounts;
