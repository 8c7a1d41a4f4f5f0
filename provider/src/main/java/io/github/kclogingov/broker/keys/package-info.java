/**
 * The realm key that signs a Login.gov provider's client assertions, over its whole life: found
 * among the realm's keys, generated for a new provider, checked when the provider is saved, and
 * its certificate described and encoded for the Login.gov partner portal. Reads no provider
 * configuration: {@code config} decides which key, this package says what that key is.
 */
package io.github.kclogingov.broker.keys;
