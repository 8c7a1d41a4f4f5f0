package io.github.kclogingov.demo;

import io.github.kclogingov.demo.app.AppSettings;
import io.github.kclogingov.demo.app.DemoApp;
import io.github.kclogingov.demo.app.RealmLevels;
import io.github.kclogingov.demo.saml.SamlLevel;
import io.github.kclogingov.demo.saml.SamlRealmLevels;
import io.github.kclogingov.demo.saml.SamlSp;
import io.github.kclogingov.demo.saml.SamlSpSettings;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.simulator.LoginGovSimulator;
import io.github.kclogingov.simulator.Mode;
import io.github.kclogingov.simulator.Persona;
import io.github.kclogingov.simulator.SelfSignedKey;
import io.github.kclogingov.simulator.ServiceProvider;
import io.github.kclogingov.simulator.SimulatorConfig;
import io.github.kclogingov.simulator.ThrottleSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs the whole demo on this machine: the Login.gov simulator (in this JVM, persona picker on),
 * Keycloak with the Login.gov broker and the demo realm (a child process), and the demo
 * application that signs in with the realm and the demo SAML application (both in this JVM), until Ctrl-C. Over 200 lines because it
 * is the one place that starts, wires and stops the three parts and prints the banner; each part
 * lives in its own class.
 *
 * <p>Every run generates a new client-assertion key, registers its certificate at the simulator,
 * hands the private key to the realm import through environment variables, and deletes Keycloak's
 * dev database first so that the realm (and the key) are imported afresh. Users created in an
 * earlier run are therefore gone; the simulator's pairwise {@code sub} is stable, so signing in
 * with the same persona simply creates the user again.
 *
 * <p>Usage: {@code DemoLauncher <keycloak home> <realm file>}; the demo Maven profile passes both.
 * It is over 200 lines because it also holds the banner it prints, word for word.
 */
public final class DemoLauncher {
    static final int KEYCLOAK_PORT = 8080;
    static final int SIMULATOR_PORT = 8081;
    static final int APP_PORT = 8082;
    static final int SAML_APP_PORT = 8083;
    static final String REALM = "demo";
    static final String IDP_ALIAS = "logingov";
    static final String CLIENT_ID = "urn:gov:gsa:openidconnect.profiles:sp:sso:demo:keycloak";
    static final String KEYCLOAK_URL = "http://localhost:" + KEYCLOAK_PORT;
    static final String SIMULATOR_ISSUER = "http://localhost:" + SIMULATOR_PORT + "/";
    static final String APP_URL = "http://localhost:" + APP_PORT + "/";
    static final String SAML_APP_URL = "http://localhost:" + SAML_APP_PORT + "/";
    /** The realm's SAML client for the demo SAML application (its entity ID). */
    static final String SAML_APP_CLIENT_ID = "demo-saml-app";
    /** Keycloak's management port, on by default; /metrics holds the provider's meters beside Keycloak's. */
    static final String METRICS_URL = "http://localhost:9000/metrics";
    /** The realm's client for the demo application: public, PKCE S256, redirect URIs on {@link #APP_URL}. */
    static final String APP_CLIENT_ID = "demo-app";
    /** The admin account of the demo's fresh Keycloak, printed in the banner. */
    static final String ADMIN_USERNAME = "admin";

    static final String ADMIN_PASSWORD = "admin";

    static final String BROKER_ENDPOINT = KEYCLOAK_URL + "/realms/" + REALM + "/broker/" + IDP_ALIAS + "/endpoint";
    /** Where the simulator pushes Login.gov's security events for the realm's provider (its events are on). */
    static final String PUSH_URL = KEYCLOAK_URL + "/realms/" + REALM + "/logingov/" + IDP_ALIAS + "/security-events";
    /** The first start builds Keycloak with the provider (about 20 s) before starting (about 15 s). */
    static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);

    private final Object lock = new Object();
    private volatile boolean stopping;
    private LoginGovSimulator simulator;
    private KeycloakProcess keycloak;
    private DemoApp app;
    private SamlSp samlApp;

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println(
                    "Usage: DemoLauncher <keycloak home> <realm file>; or from the repository root: ./mvnw -DskipTests -Pdemo verify");
            System.exit(2);
        }
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "[simulator] %4$s %5$s%6$s%n");
        }
        DemoLauncher demo = new DemoLauncher();
        Runtime.getRuntime().addShutdownHook(new Thread(demo::stop, "demo-shutdown"));
        try {
            demo.run(Path.of(args[0]), Path.of(args[1]));
        } catch (DemoException e) {
            if (!demo.stopping) {
                System.err.println("[demo] " + e.getMessage());
                System.exit(1);
            }
        }
        // Stopping: the shutdown hook ends the JVM when it is done. Returning now would let Maven
        // report a finished build in the middle of the shutdown.
        Thread.currentThread().join();
    }

    private void run(Path keycloakHome, Path realmFile) throws DemoException, InterruptedException {
        KeycloakDistribution distribution = KeycloakDistribution.at(keycloakHome);
        Ports.requireFree(KEYCLOAK_PORT, "Keycloak");
        Ports.requireFree(SIMULATOR_PORT, "the Login.gov simulator");
        Ports.requireFree(APP_PORT, "the demo application");
        Ports.requireFree(SAML_APP_PORT, "the demo SAML application");
        List<String> levelNames = levelNames(realmFile);
        List<SamlLevel> samlLevels = samlLevels(realmFile);

        SelfSignedKey clientAssertionKey =
                SelfSignedKey.generate("CN=Keycloak demo realm, OU=Login.gov client assertion");
        distribution.resetDevDatabase();
        distribution.stageRealm(realmFile.toAbsolutePath().normalize(), REALM);

        synchronized (lock) {
            if (stopping) {
                return;
            }
            simulator = startSimulator(clientAssertionKey);
            System.out.println("[demo] Login.gov simulator started at " + simulator.issuer()
                    + "; starting Keycloak (the first start takes a minute)...");
            keycloak = KeycloakProcess.startDev(distribution, KEYCLOAK_PORT, keycloakEnvironment(clientAssertionKey));
            // Started before Keycloak is ready: it only calls Keycloak when someone signs in.
            app = startApp(levelNames);
            samlApp = startSamlApp(samlLevels);
        }
        keycloak.awaitReady(
                URI.create(KEYCLOAK_URL + "/realms/" + REALM + "/.well-known/openid-configuration"), STARTUP_TIMEOUT);
        try {
            new AdminConsoleTheme(KEYCLOAK_URL).chooseForMaster(ADMIN_USERNAME, ADMIN_PASSWORD);
        } catch (DemoException e) {
            // The demo works without it; only the admin console's Login.gov page is Keycloak's stock one.
            System.out.println("[demo] The admin console keeps Keycloak's own theme: " + e.getMessage());
        }
        System.out.println(banner(simulator.personas()));

        int exitCode = keycloak.waitFor();
        if (!stopping) {
            throw new DemoException("Keycloak exited unexpectedly (exit code " + exitCode
                    + "); its output above says why. The simulator and the demo application are stopped too.");
        }
    }

    private static List<String> levelNames(Path realmFile) throws DemoException {
        try {
            return RealmLevels.fromRealmFile(realmFile);
        } catch (IOException e) {
            throw new DemoException("Cannot read the level names of the realm: " + e.getMessage(), e);
        }
    }

    private static List<SamlLevel> samlLevels(Path realmFile) throws DemoException {
        try {
            return SamlRealmLevels.fromRealmFile(realmFile);
        } catch (IOException e) {
            throw new DemoException("Cannot read the SAML class refs of the realm: " + e.getMessage(), e);
        }
    }

    private static SamlSp startSamlApp(List<SamlLevel> levels) throws DemoException {
        SamlSpSettings settings = new SamlSpSettings(
                URI.create(SAML_APP_URL), SAML_APP_CLIENT_ID, KEYCLOAK_URL + "/realms/" + REALM, levels);
        try {
            return SamlSp.start(settings, SAML_APP_PORT);
        } catch (IOException e) {
            throw new DemoException(
                    "Cannot start the demo SAML application on port " + SAML_APP_PORT + ": " + e.getMessage(), e);
        }
    }

    private static DemoApp startApp(List<String> levelNames) throws DemoException {
        AppSettings settings =
                new AppSettings(URI.create(APP_URL), KEYCLOAK_URL + "/realms/" + REALM, APP_CLIENT_ID, levelNames);
        try {
            return DemoApp.start(settings, APP_PORT);
        } catch (IOException e) {
            throw new DemoException("Cannot start the demo application on port " + APP_PORT + ": " + e.getMessage(), e);
        }
    }

    /**
     * The demo's simulator: interactive, Login.gov's behaviour except its per-IP throttle, which a
     * person clicking through the demo (every page and call from one address) must never meet.
     */
    static SimulatorConfig simulatorConfig(SelfSignedKey clientAssertionKey) {
        ServiceProvider keycloakRealm = ServiceProvider.privateKeyJwt(
                        CLIENT_ID,
                        List.of(BROKER_ENDPOINT, BROKER_ENDPOINT + "/logout_response"),
                        List.of(clientAssertionKey.certificatePem()),
                        Registration.VERIFIED)
                .withPushUrl(PUSH_URL);
        return SimulatorConfig.builder()
                .issuer(SIMULATOR_ISSUER)
                .serviceProvider(keycloakRealm)
                .mode(Mode.INTERACTIVE)
                .throttle(ThrottleSettings.off())
                .build();
    }

    private static LoginGovSimulator startSimulator(SelfSignedKey clientAssertionKey) throws DemoException {
        SimulatorConfig config = simulatorConfig(clientAssertionKey);
        try {
            return LoginGovSimulator.start(config, SIMULATOR_PORT);
        } catch (IOException e) {
            throw new DemoException(
                    "Cannot start the Login.gov simulator on port " + SIMULATOR_PORT + ": " + e.getMessage(), e);
        }
    }

    /** What the realm file's placeholders resolve to, plus the admin account of a fresh Keycloak. */
    private static Map<String, String> keycloakEnvironment(SelfSignedKey clientAssertionKey) {
        return Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME",
                ADMIN_USERNAME,
                "KC_BOOTSTRAP_ADMIN_PASSWORD",
                ADMIN_PASSWORD,
                "LOGINGOV_BASE_URL",
                SIMULATOR_ISSUER,
                "LOGINGOV_CLIENT_ID",
                CLIENT_ID,
                "LOGINGOV_CLIENT_ASSERTION_PRIVATE_KEY",
                clientAssertionKey.privateKeyPkcs8Base64(),
                "LOGINGOV_CLIENT_ASSERTION_CERTIFICATE",
                clientAssertionKey.certificateBase64());
    }

    static String banner(List<Persona> personas) {
        StringBuilder text = new StringBuilder();
        String rule = "=".repeat(78);
        text.append('\n')
                .append(rule)
                .append('\n')
                .append("  The Login.gov broker demo is running.\n\n")
                .append("  1. Open            ")
                .append(APP_URL)
                .append("   (the demo application) and press \"Sign in\"\n")
                .append("  2. Click           \"Sign in with Login.gov\" on Keycloak's page\n")
                .append("  3. Pick a persona  on the simulator's page:\n");
        for (Persona persona : personas) {
            text.append(
                    String.format("       %-13s %s: %s%n", persona.id(), persona.displayName(), persona.description()));
        }
        text.append('\n')
                .append("  4. Read the result back in the application: who signed in, the level (acr),\n")
                .append("                     logingov_ial / logingov_aal, every claim it received.\n")
                .append("  5. Step up         press a level's button there (e.g. \"Ask for verified\"): a new\n")
                .append("                     request with acr_values; Keycloak goes back to Login.gov if needed.\n")
                .append("                     \"Sign out\" ends the Keycloak and Login.gov sessions.\n")
                .append(
                        "  6. Suspend         the persona at the simulator (its page, \"Security events\"): Login.gov's\n")
                .append(
                        "                     account-disabled reaches Keycloak, which signs the person out of the app.\n")
                .append(
                        "  7. Report fraud    in the admin console, the user's Details tab, \"Login.gov fraud report\":\n")
                .append(
                        "                     the simulator receives it (its page, \"Security events from agencies\"),\n")
                .append("                     and the persona's next sign-in asks for a new password.\n\n")
                .append("  SAML application   ")
                .append(SAML_APP_URL)
                .append("   (a SAML service provider: NameID, attributes,\n")
                .append("                     AuthnContextClassRef; a button per level: docs/saml-applications.md)\n")
                .append("  Account console    ")
                .append(KEYCLOAK_URL)
                .append("/realms/")
                .append(REALM)
                .append("/account   (what Keycloak stored for the person)\n")
                .append("  Admin console      ")
                .append(KEYCLOAK_URL)
                .append("/admin/master/console/#/")
                .append(REALM)
                .append("   (admin / admin)\n")
                .append("  Login.gov simulator ")
                .append(SIMULATOR_ISSUER)
                .append("   (what it is, its discovery URL, its personas)\n")
                .append("  Metrics            ")
                .append(METRICS_URL)
                .append("   (logingov_* series: docs/operators.md)\n")
                .append(
                        "  Every start resets Keycloak's data and re-imports realm-export/logingov-demo-realm.json.\n\n")
                .append("  Ctrl-C stops everything.\n")
                .append(rule)
                .append('\n');
        return text.toString();
    }

    /**
     * The shutdown hook: the application first (no new sign-ins), then Keycloak (it may still call
     * the simulator), then the simulator.
     */
    private void stop() {
        KeycloakProcess keycloakToStop;
        LoginGovSimulator simulatorToStop;
        DemoApp appToStop;
        SamlSp samlAppToStop;
        synchronized (lock) {
            stopping = true;
            appToStop = app;
            samlAppToStop = samlApp;
            keycloakToStop = keycloak;
            simulatorToStop = simulator;
        }
        if (keycloakToStop == null && simulatorToStop == null && appToStop == null && samlAppToStop == null) {
            return;
        }
        System.out.println("[demo] Stopping the demo applications, Keycloak and the Login.gov simulator...");
        if (appToStop != null) {
            appToStop.close();
        }
        if (samlAppToStop != null) {
            samlAppToStop.close();
        }
        if (keycloakToStop != null) {
            keycloakToStop.stop();
        }
        if (simulatorToStop != null) {
            simulatorToStop.close();
        }
        System.out.println("[demo] Stopped.");
    }
}
