package io.github.kclogingov.demo.saml;

/**
 * Why the service provider did not accept what came to its assertion consumer service, worded for
 * the page it shows: an answer it cannot trust (unsigned, badly signed, not for it, too old, not an
 * answer to its own request) or one that is not a sign-in.
 */
final class SamlProblem extends Exception {
    private static final long serialVersionUID = 1L;

    SamlProblem(String message) {
        super(message);
    }

    SamlProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
