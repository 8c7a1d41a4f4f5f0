package io.github.kclogingov.demo.app;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs the demo application on its own, outside the Maven demo's launcher: {@code java -jar
 * demo/target/logingov-demo-<version>-all.jar [options]} (options in {@link AppCommandLine}).
 * docker-compose.yml runs it so; Keycloak may start after it, since the application only calls
 * Keycloak when someone signs in.
 *
 * <p>Exit codes: 2 for options it cannot use, 1 when it cannot start (port taken, realm file
 * unreadable); either way one line on standard error, never a stack trace.
 */
public final class DemoAppMain {
    private DemoAppMain() {}

    public static void main(String[] args) {
        DemoApp app;
        try {
            app = start(Arrays.asList(args), System.getenv(), System.out);
        } catch (AppUsageException e) {
            if (e.helpAsked()) {
                System.out.println(e.getMessage());
                System.exit(0);
            }
            System.err.println("[demo-app] " + e.getMessage());
            System.exit(2);
            return;
        } catch (AppStartFailure e) {
            System.err.println("[demo-app] " + e.getMessage());
            System.exit(1);
            return;
        }
        // The HTTP server's dispatcher thread keeps the JVM alive; Ctrl-C (or docker stop) ends it here.
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "demo-app-shutdown"));
    }

    /**
     * Starts the application in this JVM from options and environment, and says on {@code out}
     * where it is.
     *
     * @throws AppUsageException for options it cannot use, a missing realm file among them
     * @throws AppStartFailure when the realm file holds no levels or the port cannot be bound
     */
    public static DemoApp start(List<String> args, Map<String, String> environment, PrintStream out)
            throws AppUsageException, AppStartFailure {
        AppCommandLine commandLine = AppCommandLine.parse(args, environment);
        if (!Files.isRegularFile(commandLine.realmFile())) {
            throw AppUsageException.problem(
                    "--realm-file: there is no file " + commandLine.realmFile().toAbsolutePath()
                            + " (the realm export whose level names the buttons show)");
        }
        List<String> levelNames;
        try {
            levelNames = RealmLevels.fromRealmFile(commandLine.realmFile());
        } catch (IOException e) {
            throw new AppStartFailure("Cannot read the level names of the realm: " + oneLine(e.getMessage()));
        }
        DemoApp app;
        try {
            app = DemoApp.start(commandLine.settings(levelNames), commandLine.bindAddress(), commandLine.port());
        } catch (IOException e) {
            throw new AppStartFailure(
                    "Cannot listen on " + address(commandLine.bindAddress()) + ":" + commandLine.port() + " ("
                            + oneLine(e.getMessage()) + "); is another demo application running there?");
        }
        out.println("[demo-app] The demo application is at " + commandLine.appUrl() + " (listening on "
                + address(commandLine.bindAddress()) + ":" + app.port() + "); it signs in with "
                + commandLine.issuer() + " as client " + commandLine.clientId() + ". Levels: "
                + String.join(", ", levelNames) + ".");
        return app;
    }

    private static String address(InetAddress address) {
        return address.getHostAddress();
    }

    private static String oneLine(String message) {
        return message == null ? "no details" : message.replaceAll("\\s+", " ").strip();
    }

    /** The application cannot start although its options are fine; the message says why, in one line. */
    public static final class AppStartFailure extends Exception {
        private static final long serialVersionUID = 1L;

        AppStartFailure(String message) {
            super(message);
        }
    }
}
