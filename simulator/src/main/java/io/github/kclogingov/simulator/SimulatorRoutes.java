package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpHandler;
import io.github.kclogingov.protocol.LoginGovEndpoints;
import java.util.Map;

/**
 * Which handler answers which path: the simulator's page for people at the issuer URL, Login.gov's
 * endpoints under the issuer, then the simulator's own pages and its admin API under
 * {@code simulator/}.
 */
final class SimulatorRoutes {

    private SimulatorRoutes() {}

    /**
     * The routes behind the per-IP throttle, which leaves the admin API alone, and the back-channel
     * endpoints' round trips in front of both.
     */
    static HttpHandler of(SimulatorContext context) {
        LoginGovEndpoints endpoints = context.endpoints;
        return new BackChannelDelayGate(
                context.backChannelDelays,
                Map.of(
                        SimulatorContext.pathOf(endpoints.discovery()), Outages.Endpoint.DISCOVERY,
                        SimulatorContext.pathOf(endpoints.jwks()), Outages.Endpoint.JWKS,
                        SimulatorContext.pathOf(endpoints.token()), Outages.Endpoint.TOKEN,
                        SimulatorContext.pathOf(endpoints.userinfo()), Outages.Endpoint.USERINFO,
                        SimulatorContext.pathOf(context.partnerEventsUrl()), Outages.Endpoint.PARTNER_EVENTS),
                new ThrottleGate(
                        context.throttle,
                        SimulatorContext.pathOf(context.internalUrl(SimulatorContext.ADMIN_PREFIX)),
                        routes(context)));
    }

    static final String FAVICON_PATH = "/favicon.ico";

    private static Router routes(SimulatorContext context) {
        LoginGovEndpoints endpoints = context.endpoints;
        SignInFlow signIn = new SignInFlow(context);
        LogoutFlow logout = new LogoutFlow(context);
        return new Router()
                // The issuer URL itself: "/" of the host, or the issuer's path when it has one.
                .route(SimulatorContext.pathOf(endpoints.issuer()), "GET", new RootEndpoint(context))
                // Browsers ask the host for an icon whatever the page; an empty answer keeps a 404
                // out of their console (the pages themselves name an empty icon).
                .route(FAVICON_PATH, "GET", HttpExchanges::noContent)
                .route(
                        SimulatorContext.pathOf(endpoints.discovery()),
                        "GET",
                        down(context, Outages.Endpoint.DISCOVERY, new DiscoveryEndpoint(context)))
                .route(
                        SimulatorContext.pathOf(endpoints.jwks()),
                        "GET",
                        down(context, Outages.Endpoint.JWKS, new JwksEndpoint(context)))
                .route(
                        SimulatorContext.pathOf(endpoints.authorization()),
                        "GET",
                        atLoginGov(context, new AuthorizeEndpoint(context, signIn)))
                .route(
                        SimulatorContext.pathOf(endpoints.token()),
                        "POST",
                        down(context, Outages.Endpoint.TOKEN, new TokenEndpoint(context)))
                // Userinfo records a refused method too, so it checks the method itself.
                .route(
                        SimulatorContext.pathOf(endpoints.userinfo()),
                        down(context, Outages.Endpoint.USERINFO, new UserinfoEndpoint(context)))
                .route(
                        SimulatorContext.pathOf(context.partnerEventsUrl()),
                        "POST",
                        down(context, Outages.Endpoint.PARTNER_EVENTS, new PartnerEventsEndpoint(context)))
                .route(
                        SimulatorContext.pathOf(context.internalUrl(SimulatorContext.RISC_CONFIGURATION_PATH)),
                        "GET",
                        new RiscConfigurationEndpoint(context))
                .route(
                        SimulatorContext.pathOf(endpoints.logout()),
                        "GET",
                        atLoginGov(context, new LogoutEndpoint(context, logout)))
                .route(
                        SimulatorContext.pathOf(context.internalUrl(SimulatorContext.SIGN_IN_PATH)),
                        "POST",
                        atLoginGov(context, new SignInEndpoint(context, signIn)))
                .route(
                        SimulatorContext.pathOf(context.internalUrl(SimulatorContext.NEW_PASSWORD_PATH)),
                        "POST",
                        atLoginGov(context, new NewPasswordEndpoint(context, signIn)))
                .route(
                        SimulatorContext.pathOf(context.internalUrl(SimulatorContext.LOGOUT_ANSWER_PATH)),
                        "POST",
                        atLoginGov(context, new LogoutAnswerEndpoint(context, logout)))
                .route(
                        SimulatorContext.pathOf(context.internalUrl(SimulatorContext.ACCOUNT_PATH)),
                        "GET",
                        atLoginGov(context, new AccountEndpoint(context)))
                .route(
                        admin(context, SimulatorContext.ADMIN_FAULTS_PATH),
                        "POST",
                        adminOnly(new FaultsAdminEndpoint(context.faults)))
                .route(
                        admin(context, SimulatorContext.ADMIN_FAULTS_CLEAR_PATH),
                        "POST",
                        adminOnly(new AdminActionEndpoint("faults and outages cleared", () -> {
                            context.faults.clear();
                            context.outages.clear();
                        })))
                .route(
                        admin(context, SimulatorContext.ADMIN_OUTAGES_PATH),
                        "POST",
                        adminOnly(new OutagesAdminEndpoint(context.outages)))
                .route(
                        admin(context, SimulatorContext.ADMIN_OUTAGES_CLEAR_PATH),
                        "POST",
                        adminOnly(new AdminActionEndpoint("outages cleared", context.outages::clear)))
                .route(
                        admin(context, SimulatorContext.ADMIN_SETTINGS_PATH),
                        "POST",
                        adminOnly(new SettingsAdminEndpoint(context)))
                .route(
                        admin(context, SimulatorContext.ADMIN_KEYS_ROTATE_PATH),
                        "POST",
                        adminOnly(new AdminActionEndpoint("signing keys rotated", context.keys::rotate)))
                .route(
                        admin(context, SimulatorContext.ADMIN_JWKS_PATH),
                        "POST",
                        adminOnly(new JwksAdminEndpoint(context.jwksOptions)))
                .route(
                        admin(context, SimulatorContext.ADMIN_CERTIFICATES_PATH),
                        "POST",
                        adminOnly(new CertificatesAdminEndpoint(context)))
                .route(
                        admin(context, SimulatorContext.ADMIN_SECURITY_EVENTS_PATH),
                        "POST",
                        adminOnly(new SecurityEventsAdminEndpoint(context)))
                .route(
                        admin(context, SimulatorContext.ADMIN_PUSH_URL_PATH),
                        "POST",
                        adminOnly(new PushUrlAdminEndpoint(context)))
                .route(
                        admin(context, SimulatorContext.ADMIN_PARTNER_EVENTS_PATH),
                        "GET",
                        adminOnly(new AdminJsonEndpoint(() -> PartnerEventsAdmin.events(context))))
                .route(
                        admin(context, SimulatorContext.ADMIN_PARTNER_EVENTS_CLEAR_PATH),
                        "POST",
                        adminOnly(new AdminActionEndpoint(
                                "partners' security events cleared", context.recorder::clearPartnerEvents)))
                .route(
                        admin(context, SimulatorContext.ADMIN_PERSONAS_PATH),
                        "GET",
                        adminOnly(new AdminJsonEndpoint(() -> PartnerEventsAdmin.personas(context))))
                .route(
                        SimulatorContext.pathOf(context.internalUrl(SimulatorContext.PARTNER_EVENTS_PAGE_PATH)),
                        "GET",
                        new PartnerEventsPage(context))
                // Both GET (the buttons) and POST (a button pressed): the page checks the method.
                .route(
                        SimulatorContext.pathOf(context.internalUrl(SimulatorContext.SECURITY_EVENTS_PATH)),
                        new SecurityEventsPage(context));
    }

    /**
     * A page of Login.gov the person's browser opens: like any request to identity-idp carrying the
     * session cookie, it starts the session's timeout again before the page answers.
     */
    private static HttpHandler atLoginGov(SimulatorContext context, HttpHandler handler) {
        return exchange -> {
            context.sessions.activity(exchange);
            handler.handle(exchange);
        };
    }

    /** The endpoint behind its outage switch ({@link Outages}). */
    private static HttpHandler down(SimulatorContext context, Outages.Endpoint endpoint, HttpHandler handler) {
        return new OutageGate(context.outages, endpoint, handler);
    }

    private static String admin(SimulatorContext context, String relativePath) {
        return SimulatorContext.pathOf(context.internalUrl(relativePath));
    }

    private static HttpHandler adminOnly(HttpHandler handler) {
        return new LoopbackOnly(handler);
    }
}
