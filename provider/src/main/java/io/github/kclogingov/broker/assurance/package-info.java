/**
 * Keycloak's levels of authentication meet Login.gov's two assurance axes: the names applications
 * ask for ({@link io.github.kclogingov.broker.assurance.AssuranceNames}), what a request turns
 * into ({@link io.github.kclogingov.broker.assurance.RequestedLevels}), what Login.gov asserted
 * and whether it is accepted ({@link io.github.kclogingov.broker.assurance.AssertedLevel}), and
 * where all of it is kept during and after a sign-in.
 */
package io.github.kclogingov.broker.assurance;
