package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.LoginGovEndpoints;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The state every endpoint of one running simulator shares: its URLs, keys, registered service
 * providers, personas, the stores of codes, tokens and sessions, the faults, outages and the recorder.
 * Over 200 lines because it is that one place: the paths every route and page links to, and the
 * shared state with its small accessors; the behaviour lives in the endpoints.
 */
final class SimulatorContext {
    private static final System.Logger LOG = System.getLogger(SimulatorContext.class.getName());

    /** The simulator's own pages, under the issuer: not part of Login.gov's protocol. */
    static final String SIGN_IN_PATH = "simulator/sign-in";

    static final String LOGOUT_ANSWER_PATH = "simulator/logout";
    static final String ACCOUNT_PATH = "simulator/account";
    /** The admin API, for tests and people driving a running simulator; loopback callers only. */
    static final String ADMIN_FAULTS_PATH = "simulator/admin/faults";

    static final String ADMIN_FAULTS_CLEAR_PATH = "simulator/admin/faults/clear";
    static final String ADMIN_KEYS_ROTATE_PATH = "simulator/admin/keys/rotate";
    static final String ADMIN_JWKS_PATH = "simulator/admin/jwks";
    static final String ADMIN_CERTIFICATES_PATH = "simulator/admin/certificates";
    static final String ADMIN_SECURITY_EVENTS_PATH = "simulator/admin/security-events";
    static final String ADMIN_PUSH_URL_PATH = "simulator/admin/push-url";
    static final String ADMIN_OUTAGES_PATH = "simulator/admin/outages";
    static final String ADMIN_OUTAGES_CLEAR_PATH = "simulator/admin/outages/clear";
    static final String ADMIN_SETTINGS_PATH = "simulator/admin/settings";
    /** The security events partners sent (GET, JSON) and their clearing (POST). */
    static final String ADMIN_PARTNER_EVENTS_PATH = "simulator/admin/partner-events";

    static final String ADMIN_PARTNER_EVENTS_CLEAR_PATH = "simulator/admin/partner-events/clear";
    /** The personas and their state at Login.gov (GET, JSON). */
    static final String ADMIN_PERSONAS_PATH = "simulator/admin/personas";
    /** Every admin path starts so; the throttle leaves them alone. */
    static final String ADMIN_PREFIX = "simulator/admin/";
    /** The page with a button per security event for a persona, and where its buttons post. */
    static final String SECURITY_EVENTS_PATH = "simulator/security-events";
    /** The page listing the security events partners sent. */
    static final String PARTNER_EVENTS_PAGE_PATH = "simulator/partner-events";
    /** Where the page asking a persona whose password was reset for a new one posts. */
    static final String NEW_PASSWORD_PATH = "simulator/new-password";
    /** Login.gov's endpoint receiving partners' security events (identity-idp's routes.rb). */
    static final String PARTNER_EVENTS_PATH = "api/risc/security_events";
    /** Login.gov's RISC metadata, naming that endpoint. */
    static final String RISC_CONFIGURATION_PATH = ".well-known/risc-configuration";
    /** How long a persona picker or logout confirmation page can be answered. */
    static final Duration PENDING_PAGE_LIFETIME = Duration.ofMinutes(30);

    /** A logout waiting for the person's answer on the confirmation page. */
    record PendingLogout(
            String recordId, String clientId, String postLogoutRedirectUri, String state, String session) {}

    /** A sign-in waiting for a persona whose password was reset to choose a new one. */
    record PendingNewPassword(AuthorizationRequest request, String personaId) {}

    final LoginGovEndpoints endpoints;
    final Clock clock;
    final SigningKeys keys;
    final Faults faults = new Faults();
    final Outages outages = new Outages();
    final JwksOptions jwksOptions = new JwksOptions();
    final UnusableKeys unusableKeys = new UnusableKeys();
    final Recorder recorder = new Recorder();
    final AuthorizationCodes codes;
    final AccessTokens accessTokens;
    final ExpiringStore<AuthorizationRequest> pendingAuthorizations;
    final ExpiringStore<PendingLogout> pendingLogouts;
    final ExpiringStore<PendingNewPassword> pendingNewPasswords;
    final PasswordResets passwordResets = new PasswordResets();
    final SignInSessions sessions;
    final JtiRegistry jtis;
    final SecurityEvents securityEvents;
    final RequestThrottle throttle;
    final BackChannelDelays backChannelDelays;

    private final Map<String, ServiceProvider> serviceProviders = new LinkedHashMap<>();
    /** The personas as configured, for {@link #resetPersonas}; {@code personas} holds them as tests changed them. */
    private final List<Persona> startingPersonas;

    private final Map<String, Persona> personas = new LinkedHashMap<>();
    private volatile Mode mode;
    private volatile String autoPersona;
    private volatile boolean newPersonEverySignIn;
    private volatile LogoutConfirmation logoutConfirmation;
    private volatile boolean idTokenCarriesUserinfo;
    private final AtomicLong newPersons = new AtomicLong();

    SimulatorContext(SimulatorConfig config, LoginGovEndpoints endpoints, SigningKeys keys) {
        this.endpoints = endpoints;
        this.clock = config.clock();
        this.keys = keys;
        this.codes = new AuthorizationCodes(clock);
        this.sessions = new SignInSessions(clock, pathOf(endpoints.issuer()), config.sessionTimeout());
        this.accessTokens = new AccessTokens(clock, sessions);
        this.pendingAuthorizations = new ExpiringStore<>(clock);
        this.pendingLogouts = new ExpiringStore<>(clock);
        this.pendingNewPasswords = new ExpiringStore<>(clock);
        this.throttle = new RequestThrottle(clock, config.throttle());
        this.backChannelDelays = new BackChannelDelays(config.backChannelDelays());
        this.logoutConfirmation = config.logoutConfirmation();
        this.idTokenCarriesUserinfo = config.idTokenCarriesUserinfo();
        this.jtis = new JtiRegistry(clock);
        this.securityEvents = new SecurityEvents(this);
        config.serviceProviders().forEach(this::addServiceProvider);
        this.startingPersonas = config.personas();
        resetPersonas();
        this.mode = config.mode();
        this.autoPersona = config.autoPersona();
    }

    /** The URL of one of the simulator's own pages. */
    String internalUrl(String relativePath) {
        return endpoints.issuer() + relativePath;
    }

    static String pathOf(String url) {
        return URI.create(url).getRawPath();
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    synchronized void addServiceProvider(ServiceProvider serviceProvider) {
        serviceProviders.put(serviceProvider.clientId(), serviceProvider);
    }

    /** See {@link LoginGovSimulator#addCertificate}. */
    void addCertificate(String clientId, String certificatePem) {
        ServiceProvider changed = changeServiceProvider(clientId, sp -> sp.withCertificateAdded(certificatePem));
        LOG.log(
                Level.INFO,
                "service provider {0}: certificate added, {1} registered",
                clientId,
                changed.certificates().size());
    }

    /** See {@link LoginGovSimulator#removeCertificate}. */
    void removeCertificate(String clientId, String certificatePem) {
        ServiceProvider changed = changeServiceProvider(clientId, sp -> sp.withCertificateRemoved(certificatePem));
        LOG.log(
                Level.INFO,
                "service provider {0}: certificate removed, {1} registered",
                clientId,
                changed.certificates().size());
    }

    /**
     * Changes one registered service provider in place, atomically.
     *
     * @throws IllegalArgumentException for an unknown client_id, or what {@code change} throws
     */
    private synchronized ServiceProvider changeServiceProvider(String clientId, UnaryOperator<ServiceProvider> change) {
        ServiceProvider current = serviceProvider(clientId)
                .orElseThrow(() -> new IllegalArgumentException("No service provider " + clientId + " is registered"));
        ServiceProvider changed = change.apply(current);
        serviceProviders.put(clientId, changed);
        return changed;
    }

    /** Registers (or, with null, removes) a service provider's push URL, as the partner portal does. */
    synchronized void pushUrl(String clientId, String url) {
        ServiceProvider serviceProvider = serviceProviders.get(clientId);
        if (serviceProvider == null) {
            throw new IllegalArgumentException("No service provider " + clientId);
        }
        serviceProviders.put(clientId, serviceProvider.withPushUrl(url));
    }

    synchronized Optional<ServiceProvider> serviceProvider(String clientId) {
        return Optional.ofNullable(clientId == null ? null : serviceProviders.get(clientId));
    }

    synchronized List<ServiceProvider> serviceProviders() {
        return List.copyOf(serviceProviders.values());
    }

    synchronized Optional<Persona> persona(String id) {
        return Optional.ofNullable(id == null ? null : personas.get(id));
    }

    synchronized List<Persona> personas() {
        return new ArrayList<>(personas.values());
    }

    /**
     * The grant with its persona as it is now: a grant keeps the persona of its sign-in, but the
     * released claims are read when a token or userinfo request is answered, so an email changed in
     * between shows, as an account's current data would at Login.gov.
     */
    Grant current(Grant grant) {
        return grant.withPersona(persona(grant.persona().id()).orElse(grant.persona()));
    }

    synchronized void changeEmail(String personaId, String newEmail) {
        if (newEmail == null || newEmail.isBlank()) {
            throw new IllegalArgumentException("A persona's email cannot be blank");
        }
        personas.put(personaId, known(personaId).withEmail(newEmail));
    }

    /** Where partners send security events; also the only {@code aud} they may carry. */
    String partnerEventsUrl() {
        return endpoints.issuer() + PARTNER_EVENTS_PATH;
    }

    /**
     * Login.gov's answer to authorization fraud (identity-idp's {@code ResetUserPassword}): the
     * password becomes one the person does not know and remembered browsers are forgotten. Here the
     * persona's sessions end and its next sign-in, for any service provider, asks for a new password.
     */
    void resetPassword(String personaId) {
        passwordResets.reset(personaId, clock.instant());
        int ended = sessions.end(personaId);
        LOG.log(Level.INFO, "persona {0}: password reset, {1} session(s) ended", personaId, ended);
    }

    synchronized void resetPersonas() {
        passwordResets.clear();
        personas.clear();
        startingPersonas.forEach(persona -> personas.put(persona.id(), persona));
    }

    private Persona known(String personaId) {
        Persona persona = personaId == null ? null : personas.get(personaId);
        if (persona == null) {
            throw new IllegalArgumentException("No persona " + personaId + "; known: " + personas.keySet());
        }
        return persona;
    }

    Mode mode() {
        return mode;
    }

    void mode(Mode newMode) {
        this.mode = newMode;
    }

    synchronized Persona autoPersona() {
        return personas.get(autoPersona);
    }

    /**
     * The persona an automatic sign-in signs in: the auto persona, or, when a new person is wanted
     * every time, a copy of it with its own id, {@code sub} and email (never registered, so it
     * cannot pile up; a grant carries it, see {@link #current}).
     */
    Persona personaForAutomaticSignIn() {
        Persona persona = autoPersona();
        return newPersonEverySignIn ? persona.asNewPerson(Long.toString(newPersons.incrementAndGet())) : persona;
    }

    void newPersonEverySignIn(boolean enabled) {
        this.newPersonEverySignIn = enabled;
    }

    boolean newPersonEverySignIn() {
        return newPersonEverySignIn;
    }

    LogoutConfirmation logoutConfirmation() {
        return logoutConfirmation;
    }

    void logoutConfirmation(LogoutConfirmation value) {
        this.logoutConfirmation = Objects.requireNonNull(value, "logoutConfirmation");
    }

    boolean idTokenCarriesUserinfo() {
        return idTokenCarriesUserinfo;
    }

    void idTokenCarriesUserinfo(boolean value) {
        this.idTokenCarriesUserinfo = value;
    }

    synchronized void autoPersona(String personaId) {
        this.autoPersona = known(personaId).id();
    }
}
