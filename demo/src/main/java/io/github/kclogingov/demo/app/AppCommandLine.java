package io.github.kclogingov.demo.app;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The standalone demo application's settings, from command-line options, else environment
 * variables, else the defaults of the Maven demo (so that {@code java -jar} from the repository
 * root gives the same application as {@code ./mvnw -DskipTests -Pdemo verify}).
 *
 * @param appUrl the application's base URL as the browser sees it, ending in {@code /}
 * @param issuer the realm's issuer, without a trailing slash (the endpoints are appended to it)
 * @param clientId the realm's public client for this application
 * @param port the port to listen on
 * @param bindAddress the address to listen on: loopback unless the port must be reachable from
 *     outside this host or container (compose publishes ports on the container's interface)
 * @param realmFile the realm export whose ACR-to-LoA map names the level buttons
 */
public record AppCommandLine(
        URI appUrl, String issuer, String clientId, int port, InetAddress bindAddress, Path realmFile) {

    public static final int DEFAULT_PORT = 8082;
    public static final String DEFAULT_ISSUER = "http://localhost:8080/realms/demo";
    public static final String DEFAULT_CLIENT_ID = "demo-app";
    /** Relative to the working directory: the repository root, where the README's commands run. */
    public static final String DEFAULT_REALM_FILE = "realm-export/logingov-demo-realm.json";

    static final String USAGE = """
            Usage: java -jar demo/target/logingov-demo-<version>-all.jar [options]
            Each option can also be set by the environment variable in brackets; an option wins.
              --app-url URL      this application's URL in the browser, ending in /   [DEMO_APP_URL]
                                 (default http://localhost:PORT/)
              --issuer URL       the realm's issuer, no trailing /                      [DEMO_APP_ISSUER]
                                 (default http://localhost:8080/realms/demo)
              --client-id ID     the realm's client for this application                [DEMO_APP_CLIENT_ID]
                                 (default demo-app)
              --port N           port to listen on, 1 to 65535 (default 8082)           [DEMO_APP_PORT]
              --bind ADDRESS     IP address to listen on (default 127.0.0.1;            [DEMO_APP_BIND]
                                 0.0.0.0 in a container, where published ports arrive)
              --realm-file FILE  realm export naming the levels                         [DEMO_APP_REALM_FILE]
                                 (default realm-export/logingov-demo-realm.json)
              --help             this text""";

    /** Which option each environment variable stands for. */
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "--app-url", "DEMO_APP_URL",
            "--issuer", "DEMO_APP_ISSUER",
            "--client-id", "DEMO_APP_CLIENT_ID",
            "--port", "DEMO_APP_PORT",
            "--bind", "DEMO_APP_BIND",
            "--realm-file", "DEMO_APP_REALM_FILE");

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,5}");
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    /** Only the characters of an IPv6 literal, so that InetAddress never asks DNS. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /**
     * Reads {@code args}, then {@code environment} for what they leave out.
     *
     * @throws AppUsageException for {@code --help}, or an option that is unknown, repeated, empty or malformed
     */
    public static AppCommandLine parse(List<String> args, Map<String, String> environment) throws AppUsageException {
        Map<String, Setting> given = fromArguments(args);
        for (Map.Entry<String, String> option : ENVIRONMENT.entrySet()) {
            String value = environment.get(option.getValue());
            if (!given.containsKey(option.getKey()) && value != null) {
                given.put(option.getKey(), new Setting(option.getValue(), value));
            }
        }
        for (Setting setting : given.values()) {
            if (setting.value().isBlank()) {
                throw AppUsageException.problem(setting.source() + " is empty; leave it out for the default");
            }
        }
        int port = given.containsKey("--port") ? port(given.get("--port")) : DEFAULT_PORT;
        URI appUrl = given.containsKey("--app-url")
                ? appUrl(given.get("--app-url"))
                : URI.create("http://localhost:" + port + "/");
        String issuer = given.containsKey("--issuer") ? issuer(given.get("--issuer")) : DEFAULT_ISSUER;
        String clientId = given.containsKey("--client-id") ? clientId(given.get("--client-id")) : DEFAULT_CLIENT_ID;
        InetAddress bind =
                given.containsKey("--bind") ? bindAddress(given.get("--bind")) : InetAddress.getLoopbackAddress();
        Path realmFile = realmFile(given.getOrDefault("--realm-file", new Setting("--realm-file", DEFAULT_REALM_FILE)));
        return new AppCommandLine(appUrl, issuer, clientId, port, bind, realmFile);
    }

    /** What {@link DemoApp} needs, with the level names read from {@link #realmFile()}. */
    public AppSettings settings(List<String> levelNames) {
        return new AppSettings(appUrl, issuer, clientId, levelNames);
    }

    /** A value and where it came from, so that an error names what the person typed or set. */
    private record Setting(String source, String value) {}

    private static Map<String, Setting> fromArguments(List<String> args) throws AppUsageException {
        Map<String, Setting> given = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--help") || option.equals("-h")) {
                throw AppUsageException.help();
            }
            if (!ENVIRONMENT.containsKey(option)) {
                throw AppUsageException.problem((option.startsWith("-") ? "Unknown option " : "Unexpected argument ")
                        + quoted(option) + " (--help lists the options)");
            }
            if (i + 1 >= args.size()) {
                throw AppUsageException.problem(option + " needs a value (--help lists the options)");
            }
            if (given.put(option, new Setting(option, args.get(++i))) != null) {
                throw AppUsageException.problem(option + " is given twice");
            }
        }
        return given;
    }

    private static int port(Setting setting) throws AppUsageException {
        String value = setting.value();
        int port = DIGITS.matcher(value).matches() ? Integer.parseInt(value) : -1;
        if (port < 1 || port > 65535) {
            throw AppUsageException.problem(
                    setting.source() + " must be a port number from 1 to 65535, not " + quoted(setting.value()));
        }
        return port;
    }

    private static URI appUrl(Setting setting) throws AppUsageException {
        URI url = httpUrl(setting, "http://localhost:8082/");
        // An empty path is the root; any other must end in / or "callback" would resolve beside it.
        if (url.getRawPath().isEmpty()) {
            return url.resolve("/");
        }
        if (!url.getRawPath().endsWith("/")) {
            throw AppUsageException.problem(setting.source() + " must end with / (its callback is <URL>callback), not "
                    + quoted(setting.value()));
        }
        return url;
    }

    private static String issuer(Setting setting) throws AppUsageException {
        URI url = httpUrl(setting, DEFAULT_ISSUER);
        // Keycloak's issuer has no trailing slash, and the id_token's iss must equal it exactly.
        if (url.getRawPath().endsWith("/")) {
            throw AppUsageException.problem(setting.source()
                    + " must be the realm's issuer without a trailing / (e.g. " + DEFAULT_ISSUER + "), not "
                    + quoted(setting.value()));
        }
        return url.toString();
    }

    private static URI httpUrl(Setting setting, String example) throws AppUsageException {
        String problem = setting.source() + " must be an http:// or https:// URL such as " + example + ", not "
                + quoted(setting.value());
        URI url;
        try {
            url = new URI(setting.value());
        } catch (URISyntaxException e) {
            throw AppUsageException.problem(problem);
        }
        boolean http = "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
        if (!http || url.getHost() == null || url.getRawUserInfo() != null) {
            throw AppUsageException.problem(problem);
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw AppUsageException.problem(
                    setting.source() + " must have no ?query or #fragment, not " + quoted(setting.value()));
        }
        return url;
    }

    private static String clientId(Setting setting) throws AppUsageException {
        if (!setting.value().chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw AppUsageException.problem(setting.source()
                    + " must be the realm's client id (printable ASCII, no spaces), not " + quoted(setting.value()));
        }
        return setting.value();
    }

    private static InetAddress bindAddress(Setting setting) throws AppUsageException {
        String value = setting.value();
        if (value.equalsIgnoreCase("localhost")) {
            return InetAddress.getLoopbackAddress();
        }
        if (IPV4.matcher(value).matches() || IPV6.matcher(value).matches()) {
            try {
                return InetAddress.getByName(value);
            } catch (UnknownHostException e) {
                // A malformed IPv6 literal; reported below like any other bad value.
            }
        }
        throw AppUsageException.problem(setting.source() + " must be an IP address such as 127.0.0.1 or 0.0.0.0, not "
                + quoted(setting.value()));
    }

    private static Path realmFile(Setting setting) throws AppUsageException {
        try {
            return Path.of(setting.value());
        } catch (InvalidPathException e) {
            throw AppUsageException.problem(setting.source() + " is not a file name: " + quoted(setting.value()));
        }
    }

    /** Quoted, with control characters shown as '?' so that the error stays one line. */
    private static String quoted(String value) {
        return "\"" + value.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
