package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.kclogingov.protocol.LoginGovProtocol;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The steps of a sign-in, for tests about what comes after them. */
final class Flows {
    static final String VERIFIER = "a-pkce-code-verifier-of-at-least-43-characters-long-0123456789";

    private Flows() {}

    static String challengeOf(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Pkce.sha256(verifier));
    }

    /** Authorizes (automatic mode) and returns the code. */
    static String code(LoginGovSimulator simulator, AuthorizeParams params) {
        HttpResponse<String> response = Http.get(params.url(simulator));
        assertEquals(302, response.statusCode(), () -> "authorize answered " + response.body());
        Map<String, String> redirect = Http.redirectParameters(response);
        assertNotNull(redirect.get("code"), () -> "no code in " + Http.location(response));
        return redirect.get("code");
    }

    /** A token request with a fresh assertion signed by KEY_A, or the PKCE verifier for public clients. */
    static Map<String, String> tokenForm(LoginGovSimulator simulator, String clientId, String code) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        if (clientId.equals(TestClients.PUBLIC) || clientId.equals(TestClients.EXPLICIT_LOGOUT)) {
            form.put("code_verifier", VERIFIER);
        } else {
            form.put("client_assertion_type", LoginGovProtocol.CLIENT_ASSERTION_TYPE_JWT_BEARER);
            form.put(
                    "client_assertion",
                    ClientAssertionBuilder.forClient(clientId, simulator).sign());
        }
        return form;
    }

    static HttpResponse<String> token(LoginGovSimulator simulator, Map<String, String> form) {
        return Http.postForm(simulator.endpoints().token(), form);
    }

    /** The whole flow: authorize, exchange the code, parse the id_token. */
    static Tokens signIn(LoginGovSimulator simulator, AuthorizeParams params) {
        String code = code(simulator, params);
        HttpResponse<String> response = token(simulator, tokenForm(simulator, params.clientId(), code));
        assertEquals(200, response.statusCode(), () -> "token answered " + response.body());
        return Tokens.of(Http.json(response), code);
    }

    /** The whole flow, returning the id_token as text: for tokens a JWT parser would refuse. */
    static String idTokenText(LoginGovSimulator simulator, AuthorizeParams params) {
        String code = code(simulator, params);
        HttpResponse<String> response = token(simulator, tokenForm(simulator, params.clientId(), code));
        assertEquals(200, response.statusCode(), () -> "token answered " + response.body());
        return (String) Http.json(response).get("id_token");
    }

    static Map<String, Object> userinfo(LoginGovSimulator simulator, String accessToken) {
        HttpResponse<String> response =
                Http.get(simulator.endpoints().userinfo(), "Authorization", "Bearer " + accessToken);
        assertEquals(200, response.statusCode(), () -> "userinfo answered " + response.body());
        return Http.json(response);
    }

    /** A token response, its id_token parsed (not verified: tests verify what they are about). */
    record Tokens(Map<String, Object> body, String code, String accessToken, String idToken, JWTClaimsSet claims) {
        static Tokens of(Map<String, Object> body, String code) {
            String idToken = (String) body.get("id_token");
            try {
                return new Tokens(
                        body,
                        code,
                        (String) body.get("access_token"),
                        idToken,
                        com.nimbusds.jwt.JWTParser.parse(idToken).getJWTClaimsSet());
            } catch (ParseException e) {
                throw new AssertionError("id_token is not a JWT: " + idToken, e);
            }
        }

        SignedJWT signed() {
            try {
                return SignedJWT.parse(idToken);
            } catch (ParseException e) {
                throw new AssertionError(e);
            }
        }

        Object claim(String name) {
            return claims.getClaim(name);
        }
    }
}
