package io.github.kclogingov.benchmark.signins;

/** The two brokers compared, in the same realm, against the same simulator. */
enum Provider {
    /** This project's provider. */
    LOGIN_GOV("logingov", "urn:gov:gsa:openidconnect.profiles:sp:sso:bench:logingov"),
    /** Keycloak's stock OpenID Connect provider, configured for the same simulator. */
    STOCK_OIDC("stock-oidc", "urn:gov:gsa:openidconnect.profiles:sp:sso:bench:stock");

    final String alias;
    final String clientId;

    Provider(String alias, String clientId) {
        this.alias = alias;
        this.clientId = clientId;
    }

    String label() {
        return this == LOGIN_GOV ? "login.gov" : "stock oidc";
    }
}
