package io.github.kclogingov.broker.stepup;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.CookieAuthenticatorFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Registers {@link LoginGovCookieAuthenticator}. It takes the place of "Cookie" in a realm's browser
 * flow; everything else about the flow stays as it is.
 */
public class LoginGovCookieAuthenticatorFactory extends CookieAuthenticatorFactory {

    public static final String PROVIDER_ID = "logingov-cookie";

    private static final LoginGovCookieAuthenticator SINGLETON = new LoginGovCookieAuthenticator();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getDisplayType() {
        return "Cookie with Login.gov step-up";
    }

    @Override
    public String getHelpText() {
        return "Use in place of Cookie. Single sign-on when the session's Login.gov assurance (IAL and AAL) meets the level "
                + "the application asks for; otherwise sends the person back to Login.gov for the higher level.";
    }
}
