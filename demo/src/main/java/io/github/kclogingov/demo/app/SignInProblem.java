package io.github.kclogingov.demo.app;

/** A sign-in the application refuses or cannot finish, worded for the person reading the error page. */
final class SignInProblem extends Exception {
    private static final long serialVersionUID = 1L;

    SignInProblem(String message) {
        super(message);
    }

    SignInProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
