package io.github.kclogingov.demo;

/** A reason the demo cannot run, worded for the person who typed the command: one line, with what to do. */
final class DemoException extends Exception {
    private static final long serialVersionUID = 1L;

    DemoException(String message) {
        super(message);
    }

    DemoException(String message, Throwable cause) {
        super(message, cause);
    }
}
