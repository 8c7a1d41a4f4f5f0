package io.github.kclogingov.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs the simulator on its own: {@code java -jar logingov-simulator-<version>-all.jar --config
 * simulator.json}. {@link #run} starts it in-process for launchers that embed it.
 */
public final class Main {

    private static final String LOG_FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";

    private Main() {}

    public static void main(String[] args) {
        // One line per log record, unless the person running it chose a format.
        if (System.getProperty(LOG_FORMAT_PROPERTY) == null) {
            System.setProperty(LOG_FORMAT_PROPERTY, "%1$tT %4$s %5$s%6$s%n");
        }
        LoginGovSimulator simulator;
        try {
            simulator = run(args);
        } catch (CommandLine.UsageException e) {
            System.err.println(e.getMessage());
            System.exit(e.helpAsked() ? 0 : 2);
            return;
        } catch (IOException | RuntimeException e) {
            System.err.println("The simulator cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        // The HTTP server's dispatcher thread keeps the JVM alive; Ctrl-C ends it here.
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "logingov-simulator-shutdown"));
        System.out.println("Press Ctrl-C to stop.");
    }

    /**
     * Starts a simulator from command-line arguments and prints where to find it on standard output.
     *
     * @throws IllegalArgumentException for arguments or a configuration file that cannot be used;
     *     the message says why
     */
    public static LoginGovSimulator run(String... args) throws IOException {
        return run(System.out, args);
    }

    /** Starts a simulator from command-line arguments and prints where to find it on {@code out}. */
    public static LoginGovSimulator run(PrintStream out, String... args) throws IOException {
        CommandLine commandLine = CommandLine.parse(args);
        SimulatorConfig.Builder builder = readConfig(commandLine.config());
        if (commandLine.mode() != null) {
            builder.mode(commandLine.mode());
        }
        if (commandLine.issuer() != null) {
            builder.issuer(commandLine.issuer());
        }
        if (commandLine.bindAddress() != null) {
            builder.bindAddress(commandLine.bindAddress());
        }
        LoginGovSimulator simulator = LoginGovSimulator.start(builder.build(), commandLine.port());
        printBanner(simulator, out);
        return simulator;
    }

    /**
     * Reads a JSON configuration file (format in the module's README.md) into a builder the caller
     * can still change, e.g. to add a service provider whose key it just generated.
     */
    public static SimulatorConfig.Builder readConfig(Path file) throws IOException {
        return SimulatorConfigFile.read(file);
    }

    /** Where to point a relying party and whom to sign in as; never keys or tokens. */
    static void printBanner(LoginGovSimulator simulator, PrintStream out) {
        out.println("Login.gov simulator (" + simulator.mode().name().toLowerCase(Locale.ROOT) + " mode)");
        out.println("  issuer:    " + simulator.issuer());
        out.println("  discovery: " + simulator.endpoints().discovery());
        out.println("Service providers:");
        if (simulator.serviceProviders().isEmpty()) {
            out.println("  (none: add some to the configuration file)");
        }
        for (ServiceProvider serviceProvider : simulator.serviceProviders()) {
            out.println("  " + serviceProvider);
            serviceProvider.redirectUris().forEach(uri -> out.println("      redirect: " + uri));
        }
        out.println("Personas"
                + (simulator.mode() == Mode.AUTOMATIC
                        ? " (automatic mode signs in " + simulator.autoPersona() + ")"
                        : "")
                + ":");
        for (Persona persona : simulator.personas()) {
            out.println("  " + persona.id() + ": " + persona.displayName() + ", identity "
                    + (persona.isProofed()
                            ? persona.proofing().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                            : "not verified"));
        }
    }
}
