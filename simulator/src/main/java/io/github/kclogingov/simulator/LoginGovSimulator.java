package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpServer;
import io.github.kclogingov.protocol.LoginGovEndpoints;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A running Login.gov-compatible OpenID provider on the JDK's HTTP server. Start one with
 * {@link #start}; it is thread-safe and stops with {@link #close}. Over 200 lines because it is the
 * simulator's whole Java API: each method is a one-line delegation with the documentation a test
 * author reads.
 */
public final class LoginGovSimulator implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LoginGovSimulator.class.getName());
    /**
     * Worker threads, each answering one request at a time. Enough for a benchmark at concurrency 16
     * and more whose back-channel calls each wait a {@link BackChannelDelays round trip} on its
     * thread, beside the browsers' pages; a pool's threads are only made as requests need them.
     */
    private static final int THREADS = 64;

    private final HttpServer server;
    private final ExecutorService executor;
    private final SimulatorContext context;

    private LoginGovSimulator(HttpServer server, ExecutorService executor, SimulatorContext context) {
        this.server = server;
        this.executor = executor;
        this.context = context;
    }

    /**
     * Generates fresh signing keys and starts listening.
     *
     * @param port the port to bind, or 0 for a free one
     */
    public static LoginGovSimulator start(SimulatorConfig config, int port) throws IOException {
        SigningKeys keys = SigningKeys.generate();
        HttpServer server = HttpServer.create(new InetSocketAddress(config.bindAddress(), port), 0);
        String issuer = config.issuer() != null
                ? config.issuer()
                : "http://localhost:" + server.getAddress().getPort() + "/";
        LoginGovEndpoints endpoints = LoginGovEndpoints.forIssuer(issuer);
        SimulatorContext context = new SimulatorContext(config, endpoints, keys);
        server.createContext("/", SimulatorRoutes.of(context));
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "logingov-simulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        LOG.log(
                Level.INFO,
                "Login.gov simulator listening on {0}:{1,number,#}, issuer {2}, mode {3}",
                config.bindAddress(),
                server.getAddress().getPort(),
                endpoints.issuer(),
                config.mode());
        return new LoginGovSimulator(server, executor, context);
    }

    /** The issuer, with its trailing slash, e.g. {@code http://localhost:54321/}. */
    public String issuer() {
        return context.endpoints.issuer();
    }

    public LoginGovEndpoints endpoints() {
        return context.endpoints;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Which persona AUTOMATIC mode signs in from now on. */
    public void setAutoPersona(String personaId) {
        context.autoPersona(personaId);
    }

    public String autoPersona() {
        return context.autoPersona().id();
    }

    /**
     * With {@code true}, every automatic sign-in is a new person: the auto persona's attributes
     * under a new id, so a new pairwise {@code sub}, and email addresses tagged {@code +n}
     * ({@code jordan.verified+17@example.com}). A broker then creates a new account each time, as
     * a benchmark of first sign-ins needs; interactive mode is unaffected. Off by default.
     */
    public void setNewPersonEverySignIn(boolean enabled) {
        context.newPersonEverySignIn(enabled);
    }

    public boolean newPersonEverySignIn() {
        return context.newPersonEverySignIn();
    }

    public void setMode(Mode mode) {
        context.mode(mode);
    }

    public Mode mode() {
        return context.mode();
    }

    /**
     * How long a person's Login.gov session lasts without activity there, from now on (sessions
     * renewed or started later); the tokens' {@code exp} and {@code expires_in} are what is left of it.
     *
     * @throws IllegalArgumentException unless positive
     */
    public void setSessionTimeout(Duration timeout) {
        context.sessions.timeout(timeout);
        LOG.log(Level.INFO, "session timeout {0} s", timeout.getSeconds());
    }

    public Duration sessionTimeout() {
        return context.sessions.timeout();
    }

    /**
     * Ends every Login.gov session of a persona now, as a timeout would: its access tokens die, a
     * code issued in it still works for its 5 minutes but brings back {@code exp} = now,
     * {@code expires_in} 0 and empty verified attributes, and its browser is no longer signed in.
     *
     * @return how many live sessions ended
     */
    public int endSessions(String personaId) {
        int ended = context.sessions.end(personaId);
        LOG.log(Level.INFO, "persona {0}: {1} session(s) ended", personaId, ended);
        return ended;
    }

    /** Login.gov's per-IP throttle (HTTP 429): its settings, counts and switch. */
    public RequestThrottle throttle() {
        return context.throttle;
    }

    /** When logout asks the person; Login.gov: {@link LogoutConfirmation#WHEN_SIGNED_IN}. */
    public void setLogoutConfirmation(LogoutConfirmation confirmation) {
        context.logoutConfirmation(confirmation);
    }

    public LogoutConfirmation logoutConfirmation() {
        return context.logoutConfirmation();
    }

    /** With false, id_tokens carry no scoped userinfo claim (Login.gov's carry them all). */
    public void setIdTokenCarriesUserinfo(boolean carries) {
        context.idTokenCarriesUserinfo(carries);
    }

    public boolean idTokenCarriesUserinfo() {
        return context.idTokenCarriesUserinfo();
    }

    /** Registers a service provider, replacing any with the same client_id (e.g. to rotate certificates). */
    public void addServiceProvider(ServiceProvider serviceProvider) {
        context.addServiceProvider(serviceProvider);
    }

    /**
     * Registers one more certificate for a private_key_jwt service provider, beside those it has:
     * the first step of a key rotation, after which assertions signed by the old or the new key pass.
     *
     * @throws IllegalArgumentException for an unknown client_id or a PEM that is not one RSA-2048+ certificate
     */
    public void addCertificate(String clientId, String certificatePem) {
        context.addCertificate(clientId, certificatePem);
    }

    /**
     * Removes a registered certificate: the last step of a key rotation.
     *
     * @throws IllegalArgumentException for an unknown client_id or certificate, or the client's last one
     */
    public void removeCertificate(String clientId, String certificatePem) {
        context.removeCertificate(clientId, certificatePem);
    }

    public List<ServiceProvider> serviceProviders() {
        return context.serviceProviders();
    }

    public List<Persona> personas() {
        return context.personas();
    }

    /**
     * The person chooses, at Login.gov, another email address to share with agencies: from now on
     * the persona's {@code email} is {@code newEmail}, first in {@code all_emails} ahead of its other
     * addresses, in every id_token and userinfo answer (also for codes and access tokens issued
     * before). Its {@code sub} stays the same: it never depends on the email.
     *
     * @throws IllegalArgumentException for an unknown persona or a blank address
     */
    public void changeEmail(String personaId, String newEmail) {
        context.changeEmail(personaId, newEmail);
        // No address in the log: it names personas only.
        LOG.log(Level.INFO, "persona {0}: shared email changed", personaId);
    }

    /** Undoes every {@link #changeEmail}: the personas are again those the simulator started with. */
    public void resetPersonas() {
        context.resetPersonas();
    }

    /** The pairwise {@code sub} a persona gets at a client, for assertions in tests. */
    public String subjectOf(String personaId, String clientId) {
        return Grant.pairwiseSubject(personaId, clientId);
    }

    /**
     * Registers the push notification URL of a registered service provider (null removes it), as an
     * agency does in the partner portal; {@link #securityEvents()} sends to it.
     *
     * @throws IllegalArgumentException for an unknown client_id or a URL that is not http(s)
     */
    public void setPushUrl(String clientId, String url) {
        context.pushUrl(clientId, url);
        LOG.log(Level.INFO, "service provider {0}: push URL {1}", clientId, url == null ? "removed" : url);
    }

    /**
     * Where partners send their security events to Login.gov ({@code {issuer}api/risc/security_events}),
     * also the only {@code aud} such an event may carry; {@link Recorder#partnerEvents()} lists them.
     */
    public String partnerEventsUrl() {
        return context.partnerEventsUrl();
    }

    /**
     * Whether a partner's authorization-fraud report reset the persona's password and it has not
     * chosen a new one yet: its next sign-in, for any service provider, asks for one first.
     */
    public boolean passwordResetRequired(String personaId) {
        return context.passwordResets.required(personaId);
    }

    /** Login.gov's security events: send one for a persona to the service providers' push URLs. */
    public SecurityEvents securityEvents() {
        return context.securityEvents;
    }

    public Faults faults() {
        return context.faults;
    }

    /** Login.gov's endpoints down on purpose: refused, failing, slow or hung until cleared. */
    public Outages outages() {
        return context.outages;
    }

    /**
     * The round trip added to each back-channel endpoint's answers (token, userinfo, JWKS,
     * discovery), as a real Login.gov's network adds; none unless set.
     */
    public BackChannelDelays backChannelDelays() {
        return context.backChannelDelays;
    }

    public Recorder recorder() {
        return context.recorder;
    }

    /** What the JWKS publishes besides the signing keys; persistent until changed or cleared. */
    public JwksOptions jwks() {
        return context.jwksOptions;
    }

    /**
     * A key rotation as production runs it: a fresh key becomes the primary that signs every later
     * id_token, and the old primary stays in the JWKS as the secondary (the old secondary is dropped).
     * Takes up to a second (RSA key generation).
     */
    public void rotateSigningKeys() {
        context.keys.rotate();
        LOG.log(Level.INFO, "signing keys rotated");
    }

    /** The keys, private parts included: for this package's tests, never for a relying party. */
    SigningKeys signingKeys() {
        return context.keys;
    }

    /**
     * The simulator's clock now, the time every record is stamped with: take it before an action and
     * ask the recorder what happened since (e.g. {@code recorder().jwksRequestsSince(before).size()}).
     */
    public Instant now() {
        return context.clock.instant();
    }

    /** Stops listening at once (the JDK 17 server would otherwise wait out the whole delay). */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
