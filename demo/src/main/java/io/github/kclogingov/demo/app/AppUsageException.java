package io.github.kclogingov.demo.app;

/**
 * Options the standalone demo application cannot use. The message is one line that names the
 * option (or environment variable) and says what it takes; {@link DemoAppMain} prints it and
 * exits with 2, never with a stack trace.
 */
public final class AppUsageException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean helpAsked;

    private AppUsageException(String message, boolean helpAsked) {
        super(message);
        this.helpAsked = helpAsked;
    }

    static AppUsageException problem(String message) {
        return new AppUsageException(message, false);
    }

    static AppUsageException help() {
        return new AppUsageException(AppCommandLine.USAGE, true);
    }

    /** True for {@code --help}: the usage goes to standard output and the exit code is 0. */
    public boolean helpAsked() {
        return helpAsked;
    }
}
