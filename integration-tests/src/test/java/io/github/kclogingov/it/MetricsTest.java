package io.github.kclogingov.it;

import static io.github.kclogingov.it.support.FailedSignIn.assertFailurePage;
import static io.github.kclogingov.it.support.FailedSignIn.assertUnavailablePage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.it.support.BrokerIntegrationTest;
import io.github.kclogingov.it.support.BrokerRealm;
import io.github.kclogingov.it.support.ClientAssertionCertificate;
import io.github.kclogingov.it.support.GrafanaDashboard;
import io.github.kclogingov.it.support.HttpBrowser;
import io.github.kclogingov.it.support.LoginGovServerConfig;
import io.github.kclogingov.it.support.MeterDeltas;
import io.github.kclogingov.it.support.Prometheus;
import io.github.kclogingov.it.support.RealmKeyComponents;
import io.github.kclogingov.it.support.SecurityEventPush;
import io.github.kclogingov.it.support.SignInFlow;
import io.github.kclogingov.it.support.SimulatorAdmin;
import io.github.kclogingov.protocol.Registration;
import io.github.kclogingov.protocol.SecurityEventType;
import io.github.kclogingov.simulator.AuthorizationFault;
import io.github.kclogingov.simulator.IdTokenFault;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The provider's meters as an operator's Prometheus sees them (issue 20): a real Prometheus
 * ({@link Prometheus}) scrapes the suite's Keycloak every second and evaluates the shipped alert
 * rules, and each sign-in, call to Login.gov and security event of this class must move exactly
 * the series it should, by one. The class's realm is its own, so its {@code realm} label is too;
 * the call meters carry no realm, and the suite's classes run one after another, so their deltas
 * are this class's too. The dashboard's queries then run against what was counted, so they run
 * last ({@link Order}). Needs Debian's {@code prometheus} ({@code .ci/run} installs it); without
 * it the class reports itself skipped.
 *
 * <p>Longer than a test class should be because the rules and the dashboard can only be checked
 * against the series this class's own sign-ins made, in the one Prometheus it starts: split over
 * classes, each would need its own Prometheus and its own sign-ins.
 */
@KeycloakIntegrationTest(config = LoginGovServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsTest extends BrokerIntegrationTest {

    static final String REALM = "metrics";
    static final String ALIAS = BrokerRealm.ALIAS;
    /** A provider whose client assertion key is removed at the start: its certificate cannot be read. */
    static final String UNREADABLE_ALIAS = "keyless";

    static final Path RULES = Path.of(System.getProperty("logingov.operationsDocs", "../docs/operations"))
            .resolve("prometheus/logingov-alerts.yml");

    static final String OWN = "realm=\"" + REALM + "\",alias=\"" + ALIAS + "\"";
    static final String SIGN_INS = "sum by (outcome, reason, ial_asked, aal_asked, ial_achieved, aal_achieved)"
            + " (logingov_sign_ins_total{" + OWN + "})";
    static final String CALLS = "sum by (endpoint, outcome) (logingov_upstream_call_seconds_count)";
    static final String JWKS = "sum by (outcome) (logingov_jwks_fetches_total{" + OWN + "})";
    static final String EVENTS = "sum by (type, outcome, error) (logingov_security_events_total{" + OWN + "})";

    static Prometheus prometheus;
    static boolean keyRemoved;

    final SimulatorAdmin loginGov = SimulatorAdmin.shared();

    @BeforeEach
    void prometheusAndRealm() {
        assumeTrue(Prometheus.isInstalled(), Prometheus.BINARY + " is missing: apt-get install prometheus");
        if (prometheus == null) {
            prometheus = Prometheus.start(urls.getMetric(), RULES);
        }
        realm = realmOfThisClass(REALM, Registration.VERIFIED);
        realm.reset("verified");
        loginGov.clearOutages();
        if (!keyRemoved) {
            addProviderAndRemoveItsKey();
            keyRemoved = true;
        }
    }

    /**
     * A provider whose client assertion key is then removed: its certificate cannot be read. Done before
     * the first test, so that the gauge's refresh (every 30 s) overlaps the tests before the one that
     * checks it.
     */
    private void addProviderAndRemoveItsKey() {
        try (Response created = realm.resource()
                .identityProviders()
                .create(BrokerRealm.newIdentityProvider(UNREADABLE_ALIAS, Map.of("logingovSigningKeyId", "")))) {
            assertEquals(201, created.getStatus(), () -> created.readEntity(String.class));
        }
        String kid = realm.resource()
                .identityProviders()
                .get(UNREADABLE_ALIAS)
                .toRepresentation()
                .getConfig()
                .get("logingovSigningKeyId");
        String component = RealmKeyComponents.keyWithKid(realm.resource(), kid).getProviderId();
        realm.resource().components().component(component).remove();
    }

    @AfterAll
    static void stopPrometheus() {
        if (prometheus != null) {
            prometheus.close();
            prometheus = null;
        }
    }

    @Test
    @Order(1)
    void a_good_sign_in_counts_one_success_with_the_levels_asked_and_achieved_and_its_calls_to_login_gov() {
        // Attributes from the id_token (no userinfo call); a save also empties Keycloak's cache of Login.gov's keys.
        realm.alwaysCallUserinfo(false);
        MeterDeltas deltas = MeterDeltas.now(prometheus, SIGN_INS, CALLS, JWKS);

        // A first sign-in (through Keycloak's first broker login flow), then the same person again.
        new SignInFlow(realm).signInClaims(Map.of());
        new SignInFlow(realm).signInClaims(Map.of());

        deltas.assertMoved(CALLS, "endpoint=jwks,outcome=success +1", "endpoint=token,outcome=success +2");
        deltas.assertMoved(JWKS, "outcome=success +1");
        deltas.assertMoved(SIGN_INS, "%s,outcome=success,reason=none +2".formatted(levels("auth-only", "default")));
    }

    @Test
    @Order(2)
    void refused_and_cancelled_sign_ins_count_under_their_reason_with_the_level_asked_for() {
        // Login.gov's keys in Keycloak's cache and the person known, whatever ran before.
        new SignInFlow(realm).signInClaims(Map.of());
        MeterDeltas deltas = MeterDeltas.now(prometheus, SIGN_INS, CALLS, JWKS);

        simulator.faults().nextIdToken(IdTokenFault.WRONG_NONCE);
        assertFailurePage(new SignInFlow(realm).signIn(Map.of()));
        simulator.faults().nextAuthorization(AuthorizationFault.ERROR_WITH_HOSTILE_DESCRIPTION);
        assertFailurePage(new SignInFlow(realm).signIn(Map.of()));
        simulator.faults().nextAuthorization(AuthorizationFault.CANCEL);
        HttpBrowser.Page cancelled = new SignInFlow(realm).signIn(Map.of());
        assertEquals(200, cancelled.status(), () -> "back on the login page: " + cancelled);

        deltas.assertMoved(
                SIGN_INS,
                "%s,outcome=refused,reason=nonce_mismatch +1".formatted(levels("none", "none")),
                "%s,outcome=refused,reason=login_gov_error +1".formatted(levels("none", "none")),
                "%s,outcome=cancelled,reason=none +1".formatted(levels("none", "none")));
        // Only the nonce refusal got as far as the token call; the keys were cached.
        deltas.assertMoved(CALLS, "endpoint=token,outcome=success +1");
        deltas.assertMoved(JWKS);
    }

    /** The level tags of a sign-in that asked for auth-only at Login.gov's default AAL and achieved {@code ial}, {@code aal}. */
    private static String levels(String ialAchieved, String aalAchieved) {
        return "aal_achieved=%s,aal_asked=default,ial_achieved=%s,ial_asked=auth-only"
                .formatted(aalAchieved, ialAchieved);
    }

    @Test
    @Order(3)
    void a_sign_in_during_an_outage_counts_as_unavailable_with_the_failed_call() {
        // A hung endpoint is given up after 1 s.
        realm.updateIdentityProvider(
                Map.of("logingovConnectTimeoutMillis", "1000", "logingovReadTimeoutMillis", "1000"));
        MeterDeltas deltas = MeterDeltas.now(prometheus, SIGN_INS, CALLS);
        loginGov.outage("token", "http_500");
        assertUnavailablePage(new SignInFlow(realm).signIn(Map.of()));
        loginGov.outage("token", "hang");
        assertUnavailablePage(new SignInFlow(realm).signIn(Map.of()));
        loginGov.clearOutages();

        deltas.assertMoved(
                SIGN_INS,
                "%s,outcome=unavailable,reason=server_error +1".formatted(levels("none", "none")),
                "%s,outcome=unavailable,reason=timeout +1".formatted(levels("none", "none")));
        deltas.assertMoved(CALLS, "endpoint=token,outcome=server_error +1", "endpoint=token,outcome=timeout +1");
        // The histogram has every fixed bucket; the timed-out call sits above 1 s.
        List<String> buckets =
                prometheus
                        .query("logingov_upstream_call_seconds_bucket{endpoint=\"token\",outcome=\"timeout\"}")
                        .stream()
                        .map(sample -> sample.labels().get("le"))
                        .collect(Collectors.toList());
        assertTrue(
                buckets.containsAll(List.of("0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "+Inf")),
                () -> "buckets: " + buckets);
        assertEquals(
                0,
                prometheus.sum(
                        "logingov_upstream_call_seconds_bucket{endpoint=\"token\",outcome=\"timeout\",le=\"0.5\"}"),
                "a call that waited out a 1000 ms read timeout took more than 0.5 s");
    }

    @Test
    @Order(4)
    void security_events_count_as_accepted_or_refused_and_an_unknown_alias_counts_nothing() {
        new SignInFlow(realm).signInClaims(Map.of());
        SecurityEventPush push = new SecurityEventPush(realm, simulator);
        MeterDeltas deltas = MeterDeltas.now(prometheus, EVENTS, CALLS, JWKS);

        assertEquals(
                202,
                push.send("verified", SecurityEventType.RECOVERY_INFORMATION_CHANGED)
                        .status());
        HttpResponse<String> garbage = push.post(ALIAS, "application/secevent+jwt", "not-a-token");
        assertEquals(400, garbage.statusCode(), garbage::body);
        deltas.assertMoved(
                EVENTS,
                "error=none,outcome=accepted,type=recovery-information-changed +1",
                "error=invalid_request,outcome=refused,type=unknown +1");
        deltas.assertMoved(CALLS);
        deltas.assertMoved(JWKS);

        // Neither a push nor a sign-in for an alias the realm does not have makes a series of its own.
        HttpResponse<String> unknown = push.post("nobody", "application/secevent+jwt", "not-a-token");
        assertEquals(404, unknown.statusCode());
        SignInFlow flow = new SignInFlow(realm);
        String button = flow.openLoginPage(Map.of()).hrefOf("social-" + ALIAS);
        HttpBrowser.Page toNobody = flow.browser.get(button.replace("/broker/" + ALIAS + "/", "/broker/nobody/"));
        assertFalse(
                toNobody.status() == 302 && String.valueOf(toNobody.location()).startsWith(simulator.issuer()));
        prometheus.awaitScrapeAfter(Instant.now());
        assertEquals(
                List.of(),
                prometheus.query("count by (__name__, alias) ({__name__=~\"logingov_.*\",alias=\"nobody\"})"),
                "series for an alias that does not exist");
    }

    @Test
    @Order(5)
    void the_certificate_gauge_is_the_time_left_until_the_certificate_expires() {
        Instant notAfter = ClientAssertionCertificate.parse(
                        ClientAssertionCertificate.download(realm, ALIAS).body())
                .getNotAfter()
                .toInstant();
        prometheus.awaitScrapeAfter(Instant.now());
        double left =
                prometheus.sum("logingov_client_assertion_certificate_expiry_seconds{" + OWN + ",state=\"readable\"}");
        long expected = Duration.between(Instant.now(), notAfter).toSeconds();
        System.out.printf(
                "MetricsTest: certificate of %s/%s: gauge %.0f s, notAfter - now %d s%n", REALM, ALIAS, left, expected);
        // Computed at each scrape from the notAfter last read: off by the time since that scrape at most.
        assertTrue(Math.abs(left - expected) <= 5, () -> "gauge " + left + " s, notAfter - now " + expected + " s");
    }

    @Test
    @Order(6)
    void a_key_that_cannot_be_read_shows_unreadable_while_metrics_keep_answering() {
        String unreadable = "logingov_client_assertion_certificate_expiry_seconds{realm=\"" + REALM + "\",alias=\""
                + UNREADABLE_ALIAS + "\",state=\"unreadable\"}";
        long end = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (prometheus.query(unreadable).isEmpty() && System.nanoTime() < end) {
            HttpResponse<String> metrics = ClientAssertionCertificate.get(urls.getMetric());
            assertEquals(200, metrics.statusCode(), "/metrics answers while a key cannot be read");
            pause();
        }
        List<Prometheus.Sample> samples = prometheus.query(unreadable);
        assertEquals(1, samples.size(), () -> "unreadable: " + samples);
        assertTrue(Double.isNaN(samples.get(0).value()), "no number for a certificate that cannot be read");
        assertEquals(
                List.of(),
                prometheus.query("logingov_client_assertion_certificate_expiry_seconds{realm=\"" + REALM + "\",alias=\""
                        + UNREADABLE_ALIAS + "\",state=\"readable\"}"));
        HttpResponse<String> metrics = ClientAssertionCertificate.get(urls.getMetric());
        assertEquals(200, metrics.statusCode());
        printLogingovLines(metrics.body());

        // The shipped rule sees it for real: pending for its first 5 minutes.
        long alertEnd = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!alerted("LoginGovCertificateUnreadable", UNREADABLE_ALIAS) && System.nanoTime() < alertEnd) {
            pause();
        }
        assertTrue(alerted("LoginGovCertificateUnreadable", UNREADABLE_ALIAS), () -> "alerts: " + prometheus.alerts());
        System.out.println("MetricsTest: /api/v1/alerts: " + prometheus.alerts());
    }

    @Test
    @Order(7)
    void every_alert_rule_evaluates_without_error_against_the_real_meters() {
        JsonNode groups = prometheus.ruleGroups();
        int rules = 0;
        for (JsonNode group : groups) {
            for (JsonNode rule : group.path("rules")) {
                rules++;
                System.out.printf(
                        "MetricsTest: rule %s: health %s, state %s%n",
                        rule.path("name").asText(),
                        rule.path("health").asText(),
                        rule.path("state").asText());
                assertEquals("ok", rule.path("health").asText(), rule::toString);
                assertFalse(rule.path("lastEvaluation").asText().startsWith("0001"), rule::toString);
            }
        }
        assertEquals(8, rules, () -> "rules loaded: " + groups);
    }

    @Test
    @Order(8)
    void every_dashboard_query_answers_data_from_this_run() {
        GrafanaDashboard dashboard = GrafanaDashboard.shipped();
        for (GrafanaDashboard.LabelValuesVariable variable : dashboard.labelValuesVariables()) {
            String selector = GrafanaDashboard.fill(variable.selector(), Map.of("realm", REALM, "alias", ALIAS), "5m");
            List<String> values = prometheus.labelValues(variable.label(), selector);
            System.out.printf(
                    "MetricsTest: variable %s = label_values(%s, %s): %s%n",
                    variable.name(), selector, variable.label(), values);
            assertTrue(values.contains(variable.name().equals("realm") ? REALM : ALIAS), values::toString);
        }
        List<GrafanaDashboard.Target> targets = dashboard.targets();
        assertFalse(targets.isEmpty());
        for (GrafanaDashboard.Target target : targets) {
            assertEquals("${datasource}", target.datasource().path("uid").asText(), target::toString);
            // This realm and every provider in it (the one with the unreadable key too). The whole class runs
            // in well under 5 minutes, so a 5 m window holds all it did.
            String query = GrafanaDashboard.fill(target.expr(), Map.of("realm", REALM, "alias", ".*"), "5m");
            List<Prometheus.Sample> samples = prometheus.query(query);
            System.out.printf("MetricsTest: panel '%s' %s: %s%n", target.panel(), target.refId(), samples);
            assertFalse(samples.isEmpty(), () -> "panel '" + target.panel() + "' has no data: " + query);
            assertTrue(
                    samples.stream().anyMatch(sample -> Double.isFinite(sample.value())),
                    () -> "panel '" + target.panel() + "' has only NaN: " + query + " " + samples);
        }
        // The counts over the time range include each series' first count (its counter appears with it, so
        // increase() alone would miss it): exactly what this class did.
        assertEquals(
                Map.of("reason=login_gov_error", 1.0, "reason=nonce_mismatch", 1.0),
                panel(dashboard, "Refusals by reason"));
        assertEquals(
                Map.of("reason=server_error", 1.0, "reason=timeout", 1.0), panel(dashboard, "Unavailable by reason"));
        assertEquals(
                Map.of(
                        "error=invalid_request,outcome=refused,type=unknown", 1.0,
                        "error=none,outcome=accepted,type=recovery-information-changed", 1.0),
                panel(dashboard, "Security events by type and outcome"));
    }

    /** What the one query of panel {@code title} answers for this realm, by its series' labels. */
    private static Map<String, Double> panel(GrafanaDashboard dashboard, String title) {
        GrafanaDashboard.Target target = dashboard.targets().stream()
                .filter(candidate -> candidate.panel().equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no panel " + title));
        return prometheus
                .query(GrafanaDashboard.fill(target.expr(), Map.of("realm", REALM, "alias", ".*"), "5m"))
                .stream()
                .collect(Collectors.toMap(sample -> MeterDeltas.render(sample.labels()), Prometheus.Sample::value));
    }

    private static boolean alerted(String name, String alias) {
        for (JsonNode alert : prometheus.alerts()) {
            if (name.equals(alert.path("labels").path("alertname").asText())
                    && alias.equals(alert.path("labels").path("alias").asText())) {
                return true;
            }
        }
        return false;
    }

    private static void printLogingovLines(String metrics) {
        System.out.println("MetricsTest: the logingov_ series on /metrics:");
        metrics.lines()
                .filter(line -> line.startsWith("logingov_")
                        || line.startsWith("# HELP logingov_")
                        || line.startsWith("# TYPE logingov_"))
                .forEach(System.out::println);
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
