/**
 * What the Login.gov partner portal is given: the client assertion certificate of a provider, as a
 * PEM file under the realm's URL.
 */
package io.github.kclogingov.broker.portal;
