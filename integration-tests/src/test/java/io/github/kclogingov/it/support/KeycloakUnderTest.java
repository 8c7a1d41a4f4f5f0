package io.github.kclogingov.it.support;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The Keycloak version this run of the suite is against, and every way the tests treat the
 * supported versions differently (the provider's own differences are in {@code
 * KeycloakVersionDifferences}). The suite runs once per version (integration-tests/pom.xml): the
 * test framework starts the distribution of {@code logingov.it.keycloakVersion}.
 */
public final class KeycloakUnderTest {

    /** The newest version, the one the provider is compiled against, when no run says otherwise. */
    private static final String NEWEST = "26.7.3";

    /**
     * Server options that Keycloak's test framework (26.7.0) passes to every server it starts and
     * that older distributions refuse as unknown ({@code kc.sh} exits before starting): 26.5.6 has
     * neither; 26.7.3 has both (26.6 was not checked, so it is treated as older). Without them the
     * server shuts down with its own defaults, which only makes the end of the run a little slower.
     */
    private static final Set<String> OPTIONS_NEWER_THAN_26_6 = Set.of("shutdown-delay", "shutdown-timeout");

    private static volatile boolean checked;

    private KeycloakUnderTest() {}

    /** The version the test framework was asked to start, e.g. {@code 26.5.6}. */
    public static String version() {
        return System.getProperty("logingov.it.keycloakVersion", NEWEST);
    }

    /** Whether this run is against a Keycloak older than {@code major.minor}. */
    public static boolean olderThan(int major, int minor) {
        String[] parts = version().split("\\.");
        int runMajor = Integer.parseInt(parts[0]);
        int runMinor = Integer.parseInt(parts[1]);
        return runMajor < major || (runMajor == major && runMinor < minor);
    }

    /**
     * Whether the account console draws a read-only multi-valued attribute (Login.gov's "all email
     * addresses") locked, as 26.7 does. 26.5.6 draws its values as editable text with enabled remove
     * and add buttons (the server still refuses a change), so there is nothing locked to recognise.
     */
    public static boolean drawsReadOnlyListsLocked() {
        return !olderThan(26, 7);
    }

    /**
     * Whether a SAML client can ask for a level with {@code RequestedAuthnContext} and get the level
     * reached as its AuthnContextClassRef: Keycloak 26.7's feature {@code step-up-authentication-saml}
     * (on by default), with the realm attribute {@code acr.uri.map} and the {@code
     * saml-authn-context-class-ref-mapper}. 26.5.6 has none of them: it ignores the request's class
     * refs, so a SAML application gets whatever level the flow reaches.
     */
    public static boolean supportsSamlLevels() {
        return !olderThan(26, 7);
    }

    /**
     * Whether {@code status} is that of a page telling the person their sign-in was refused: a 4xx,
     * and on Keycloak older than 26.7 also 502, the status 26.5's broker endpoint gives every callback
     * that it refuses itself (one without {@code state}, which the provider leaves to Keycloak); the
     * page and the event are the same, 26.7.3 answers 400 (26.6 was not checked).
     */
    public static boolean isRefusalPageStatus(int status) {
        return (status >= 400 && status < 500) || (status == 502 && olderThan(26, 7));
    }

    /**
     * Leaves out of the server's command line what this version does not know. The test framework
     * adds the shutdown options itself when it starts the server, after every configuration hook,
     * and has no switch for them: the builder's option map is replaced by one that drops them.
     */
    static void adaptServerOptions(KeycloakServerConfigBuilder config) {
        if (!olderThan(26, 7)) {
            return;
        }
        try {
            Field field = KeycloakServerConfigBuilder.class.getDeclaredField("options");
            field.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<String, String> options = (Map<String, String>) field.get(config);
            field.set(config, new OptionsWithout(OPTIONS_NEWER_THAN_26_6, options));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "Keycloak's test framework changed; cannot leave out options Keycloak " + version()
                            + " does not know: " + OPTIONS_NEWER_THAN_26_6,
                    e);
        }
    }

    /**
     * Fails the run unless the server really is {@link #version()}: the framework picks the
     * distribution through Maven, and a run that silently tested the other version would prove
     * nothing about this one. Asked once per run.
     */
    public static void checkServer(Keycloak admin) {
        if (checked) {
            return;
        }
        String running = admin.serverInfo().getInfo().getSystemInfo().getVersion();
        if (!running.equals(version())) {
            throw new IllegalStateException(
                    "This run is for Keycloak " + version() + " but the test framework started " + running);
        }
        checked = true;
    }

    /** An option map that ignores some keys. */
    private static final class OptionsWithout extends HashMap<String, String> {

        private final Set<String> ignored;

        OptionsWithout(Set<String> ignored, Map<String, String> options) {
            this.ignored = ignored;
            putAll(options);
        }

        @Override
        public String put(String key, String value) {
            return ignored.contains(key) ? null : super.put(key, value);
        }

        @Override
        public void putAll(Map<? extends String, ? extends String> options) {
            options.forEach(this::put);
        }
    }
}
