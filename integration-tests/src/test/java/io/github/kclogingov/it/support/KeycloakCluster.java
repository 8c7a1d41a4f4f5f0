package io.github.kclogingov.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.Keycloak;

/**
 * Two Keycloak nodes with the provider JAR, clustered as production runs them: {@code kc.sh start}
 * with a PostgreSQL database both share ({@link ClusterDatabase}), Keycloak's own clustering with
 * its default cache stack ({@code --cache=ispn}; {@code jdbc-ping}, the nodes find each other through
 * a table of that database), and one public URL in front ({@link ClusterFrontDoor}) that both
 * present as their {@code --hostname}. Everything listens on 127.0.0.1 on ports the system picks.
 *
 * <p>Started once for a test class: one {@code kc.sh build}, node A, then node B (one at a time:
 * two nodes creating Keycloak's tables in an empty database at once fail on the second), then both
 * must log a cluster view of the two of them.
 */
public final class KeycloakCluster implements AutoCloseable {

    public static final String NODE_A = "node-a";
    public static final String NODE_B = "node-b";

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "admin";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration JOIN_TIMEOUT = Duration.ofMinutes(1);

    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<Keycloak> admins = new ArrayList<>();
    private ClusterFrontDoor frontDoor;
    private KeycloakNode nodeA;
    private KeycloakNode nodeB;
    private Keycloak admin;
    private String startupFigures;
    /** How node A was started, to start it again ({@link #restartNodeA}). */
    private List<String> sharedOptions;

    private Map<String, String> environment;
    private Path workDirectory;

    private KeycloakCluster() {}

    /**
     * Starts the database, the front door and both nodes from the unpacked distribution {@code
     * pristineHome}, working (node homes, logs) in {@code workDirectory}.
     *
     * @throws ClusterDatabase.Unavailable when PostgreSQL cannot run on this machine (nothing is left running)
     */
    public static KeycloakCluster start(Path workDirectory, Path pristineHome, Path providerJar)
            throws ClusterDatabase.Unavailable, IOException, InterruptedException {
        KeycloakCluster cluster = new KeycloakCluster();
        Thread stopOnExit = new Thread(cluster::close, "keycloak-cluster-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            cluster.startAll(workDirectory, pristineHome, providerJar);
            return cluster;
        } catch (ClusterDatabase.Unavailable | IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void startAll(Path work, Path pristineHome, Path providerJar)
            throws ClusterDatabase.Unavailable, IOException, InterruptedException {
        Files.createDirectories(work);
        long begin = System.nanoTime();
        ClusterDatabase database = ClusterDatabase.start(work.resolve("postgres.log"));
        started.add(database);
        frontDoor = ClusterFrontDoor.start(FreePorts.next());
        started.add(frontDoor);

        long building = System.nanoTime();
        Path homeA = work.resolve(NODE_A);
        Path homeB = work.resolve(NODE_B);
        Files.deleteIfExists(work.resolve("build.log"));
        // Build options: fixed into the installation, the same on both nodes: the production image's.
        KeycloakNode.install(
                pristineHome,
                homeA,
                providerJar,
                ProductionBuildOptions.clusterBuildArguments(),
                work.resolve("build.log"));
        KeycloakNode.copy(homeA, homeB);

        // Runtime options every node shares: the public URL, plain HTTP behind it (a production front
        // door terminates TLS), the database, clustering (a runtime option in 26.7, ispn is the default
        // of kc.sh start; said here so that no default is assumed) with its default stack, on loopback.
        List<String> shared = List.of(
                "--hostname=" + frontDoor.url(),
                "--http-enabled=true",
                "--proxy-headers=xforwarded",
                "--db-url=" + database.jdbcUrl(),
                "--db-username=" + ClusterDatabase.USERNAME,
                "--cache=ispn",
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--log-level=INFO,io.github.kclogingov:debug");
        Map<String, String> environment = Map.of(
                "KC_DB_PASSWORD", database.password(),
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);

        this.sharedOptions = shared;
        this.environment = environment;
        this.workDirectory = work;
        long startingA = System.nanoTime();
        nodeA = startNode(NODE_A, homeA, shared, environment, work);
        long startingB = System.nanoTime();
        nodeB = startNode(NODE_B, homeB, shared, environment, work);
        long joining = System.nanoTime();
        nodeA.awaitClusterView(List.of(NODE_A, NODE_B), JOIN_TIMEOUT);
        nodeB.awaitClusterView(List.of(NODE_A, NODE_B), JOIN_TIMEOUT);
        long end = System.nanoTime();

        admin = adminClient(frontDoor.url());
        frontDoor.routeTo(nodeA);
        startupFigures = String.format(
                "cluster started in %.1f s: PostgreSQL %.1f s, kc.sh build and copy %.1f s, %s %.1f s, %s %.1f s, joined %.1f s",
                seconds(end - begin),
                seconds(building - begin),
                seconds(startingA - building),
                NODE_A,
                seconds(startingB - startingA),
                NODE_B,
                seconds(joining - startingB),
                seconds(end - joining));
    }

    private KeycloakNode startNode(
            String name, Path home, List<String> shared, Map<String, String> environment, Path work)
            throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(shared);
        // Two nodes on one machine: each its own clustering port and its own name in the cluster view.
        options.add("--cache-embedded-network-bind-port=" + FreePorts.next());
        options.add("--spi-cache-embedded--default--node-name=" + name);
        KeycloakNode node = KeycloakNode.start(
                name, home, FreePorts.next(), FreePorts.next(), options, environment, work.resolve(name + ".log"));
        started.add(node);
        node.awaitReady(START_TIMEOUT);
        return node;
    }

    /**
     * Starts node A again (after it was stopped) with its home, options and log as before, and waits
     * until it has rejoined node B. Answers the new node A; the seconds it took to be ready are in
     * its figures.
     */
    public KeycloakNode restartNodeA() throws IOException, InterruptedException {
        if (nodeA.isRunning()) {
            throw new IllegalStateException("node A is running");
        }
        nodeA = startNode(NODE_A, workDirectory.resolve(NODE_A), sharedOptions, environment, workDirectory);
        // Node B is now the older member, so it comes first in the view (JGroups' coordinator).
        nodeA.awaitClusterView(List.of(NODE_B, NODE_A), JOIN_TIMEOUT);
        nodeB.awaitClusterView(List.of(NODE_B, NODE_A), JOIN_TIMEOUT);
        return nodeA;
    }

    public KeycloakNode nodeA() {
        return nodeA;
    }

    public KeycloakNode nodeB() {
        return nodeB;
    }

    public ClusterFrontDoor frontDoor() {
        return frontDoor;
    }

    /** An admin client through the front door (whichever node it routes to). */
    public Keycloak admin() {
        return admin;
    }

    /** An admin client talking to {@code node} alone, past the front door. */
    public Keycloak adminOf(KeycloakNode node) {
        return adminClient(node.url());
    }

    /** How long each part of the start took, for the test's output. */
    public String startupFigures() {
        return startupFigures;
    }

    /** Stops everything started, the nodes first (they write to the database as they leave). */
    @Override
    public synchronized void close() {
        admins.forEach(Keycloak::close);
        admins.clear();
        List<AutoCloseable> stopping = new ArrayList<>(started);
        started.clear();
        for (int i = stopping.size() - 1; i >= 0; i--) {
            try {
                stopping.get(i).close();
            } catch (Exception e) {
                // Stop the rest regardless.
            }
        }
    }

    private Keycloak adminClient(String url) {
        Keycloak client = Keycloak.getInstance(url, "master", ADMIN, ADMIN_PASSWORD, "admin-cli");
        admins.add(client);
        return client;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
