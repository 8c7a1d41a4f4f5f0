package io.github.kclogingov.demo.app;

import java.net.URI;
import java.util.List;

/**
 * Where the demo application lives and which Keycloak realm it signs in with.
 *
 * @param appUrl the application's own base URL, ending in {@code /}; also where Keycloak sends a person after sign-out
 * @param issuer the realm's issuer, e.g. {@code http://localhost:8080/realms/demo}
 * @param clientId the realm's client for this application (public, PKCE S256)
 * @param levelNames the level names the realm offers (its ACR-to-LoA map), lowest first
 */
public record AppSettings(URI appUrl, String issuer, String clientId, List<String> levelNames) {

    public AppSettings {
        levelNames = List.copyOf(levelNames);
    }

    /** The one redirect URI; registered in the realm under the application's {@code /*}. */
    public String redirectUri() {
        return appUrl.resolve("callback").toString();
    }

    String authorizationEndpoint() {
        return issuer + "/protocol/openid-connect/auth";
    }

    String tokenEndpoint() {
        return issuer + "/protocol/openid-connect/token";
    }

    String userinfoEndpoint() {
        return issuer + "/protocol/openid-connect/userinfo";
    }

    String jwksEndpoint() {
        return issuer + "/protocol/openid-connect/certs";
    }

    String endSessionEndpoint() {
        return issuer + "/protocol/openid-connect/logout";
    }
}
