package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.kclogingov.protocol.ClientAuthentication;
import io.github.kclogingov.protocol.LoginGovProtocol;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/openid_connect/token}: exchanges a code for tokens. Errors are HTTP 400
 * {@code {"error": "<free text>"}}, not RFC 6749 codes, as in production. A failed request does
 * not use the code up; a successful one does.
 */
final class TokenEndpoint implements HttpHandler {
    static final String INVALID_CODE = "Code is invalid either because it expired, or it doesn't match any user."
            + " Please see our documentation at https://developers.login.gov/oidc/#token";
    static final String MISSING_AUTHENTICATION = "Client must authenticate via PKCE or private_key_jwt,"
            + " missing either code_challenge or client_assertion";
    static final String VERIFIER_MISMATCH = "Code verifier did not match code challenge";

    private static final System.Logger LOG = System.getLogger(TokenEndpoint.class.getName());

    private final SimulatorContext context;
    private final ClientAssertionVerifier assertions;
    private final IdTokenIssuer idTokens;

    TokenEndpoint(SimulatorContext context) {
        this.context = context;
        this.assertions = new ClientAssertionVerifier(context.endpoints.token(), context.clock, context.jtis);
        this.idTokens = new IdTokenIssuer(context);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Map<String, String> form = HttpExchanges.form(exchange);
        String assertion = form.get("client_assertion");
        ClientAssertionVerifier.Check check = null;
        Optional<Grant> grant = context.codes.find(form.get("code"));
        String error = context.faults.takeTokenError().orElse(null);
        if (error == null && !"authorization_code".equals(form.get("grant_type"))) {
            error = "Grant type is not included in the list";
        }
        if (error == null && grant.isEmpty()) {
            error = INVALID_CODE;
        }
        if (error == null) {
            // The registration as it is now: a test may have rotated certificates since the sign-in.
            ServiceProvider client = context.serviceProvider(
                            grant.get().client().clientId())
                    .orElse(grant.get().client());
            if (client.authentication() == ClientAuthentication.PRIVATE_KEY_JWT) {
                check = assertion == null || assertion.isEmpty() ? null : assertions.verify(assertion, client);
                error = privateKeyJwtError(form, check, grant.get());
            } else {
                error = pkceError(form, grant.get());
            }
        }
        if (error == null && context.codes.redeem(form.get("code")).isEmpty()) {
            error = INVALID_CODE;
        }
        String clientId = grant.map(g -> g.client().clientId()).orElse(null);
        int status = error == null ? 200 : 400;
        Map<String, Object> tokens = error == null ? tokens(grant.get(), form.get("code")) : null;
        context.recorder.record(new RecordedTokenRequest(
                context.clock.instant(),
                form,
                assertion,
                check == null ? null : check.header(),
                check == null ? null : check.claims(),
                check == null ? null : check.certificateIndex(),
                clientId,
                status,
                error,
                tokens == null ? null : (String) tokens.get("access_token"),
                tokens == null ? null : (String) tokens.get("id_token")));
        LOG.log(
                Level.INFO,
                "token: client={0}, persona={1} -> {2}{3}",
                clientId,
                grant.map(g -> g.persona().id()).orElse(null),
                status,
                error == null ? "" : ": " + error);
        if (error != null) {
            HttpExchanges.sendJson(exchange, 400, Map.of("error", error));
        } else {
            HttpExchanges.sendJson(exchange, 200, tokens);
        }
    }

    private static String privateKeyJwtError(
            Map<String, String> form, ClientAssertionVerifier.Check check, Grant grant) {
        if (!LoginGovProtocol.CLIENT_ASSERTION_TYPE_JWT_BEARER.equals(form.get("client_assertion_type"))) {
            return "Client assertion type is not included in the list";
        }
        if (check == null) {
            return MISSING_AUTHENTICATION;
        }
        if (!check.passed()) {
            return check.error();
        }
        // A confidential client that also sent a PKCE challenge must prove it too.
        if (grant.request().codeChallenge() != null
                && !Pkce.matches(grant.request().codeChallenge(), form.get("code_verifier"))) {
            return VERIFIER_MISMATCH;
        }
        return null;
    }

    private static String pkceError(Map<String, String> form, Grant grant) {
        String verifier = form.get("code_verifier");
        if (verifier == null || verifier.isEmpty()) {
            return MISSING_AUTHENTICATION;
        }
        return Pkce.matches(grant.request().codeChallenge(), verifier) ? null : VERIFIER_MISMATCH;
    }

    /**
     * The answer, as identity-idp's token form builds it: {@code expires_in} and the id_token's
     * {@code exp} are what is left of the person's Login.gov session (0 and now once it has ended,
     * the code being still valid for its 5 minutes).
     */
    private Map<String, Object> tokens(Grant grant, String code) {
        Instant now = context.clock.instant();
        SessionRemainder session = SessionRemainder.of(context.sessions, grant.session(), now);
        IdTokenFault fault = context.faults.takeIdTokenFault().orElse(null);
        AssertedAssurance assurance = withAssuranceFault(
                context.faults.takeAssuranceOverride().applyTo(AssertedAssurance.of(grant, session, now)), fault);
        // The access token keeps the assurance, so userinfo answers with the same aal and auth_time.
        String accessToken = context.accessTokens.issue(grant, assurance);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        body.put("token_type", "Bearer");
        body.put("expires_in", session.expiresIn(now));
        body.put("id_token", idTokens.issue(grant, assurance, session, accessToken, code, fault));
        return body;
    }

    private AssertedAssurance withAssuranceFault(AssertedAssurance assurance, IdTokenFault fault) {
        if (fault == IdTokenFault.MISSING_AAL) {
            return assurance.withoutAal();
        }
        if (fault == IdTokenFault.STALE_AUTH_TIME) {
            return assurance.withAuthTime(
                    context.clock.instant().minus(IdTokenIssuer.ONE_DAY).getEpochSecond());
        }
        return assurance;
    }
}
