/**
 * Fraud reports: security events from Keycloak to Login.gov ({@code authorization-fraud-detected},
 * {@code identity-fraud-detected}). A report is a row of its own table in Keycloak's database,
 * sent at once and again with backoff until Login.gov answers, by one node at a time.
 */
package io.github.kclogingov.broker.fraud;
