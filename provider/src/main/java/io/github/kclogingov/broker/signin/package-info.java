/**
 * One sign-in through Login.gov: the authorization request, the client assertion signed by the
 * key dedicated to Login.gov, the strict id_token, nonce and assurance checks, the callback, and
 * the page and event a failed sign-in ends with.
 */
package io.github.kclogingov.broker.signin;
