/**
 * Step-up: single sign-on for a session whose Login.gov assurance meets what the application now
 * asks for, and straight back to Login.gov for a higher level when it does not.
 */
package io.github.kclogingov.broker.stepup;
