/**
 * What every concern of the broker shares: the failure a sign-in ends with, and the small text
 * rules (blank means unset; untrusted text is made printable and short).
 */
package io.github.kclogingov.broker.common;
