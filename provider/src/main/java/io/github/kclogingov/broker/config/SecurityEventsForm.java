package io.github.kclogingov.broker.config;

import io.github.kclogingov.protocol.SecurityEventType;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The security-event settings of the admin form, shown as one block after the other Login.gov settings. */
final class SecurityEventsForm {

    private SecurityEventsForm() {}

    static List<ProviderConfigProperty> properties() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create()
                .property()
                .name(ConfigKeys.SECURITY_EVENTS)
                .label("Login.gov security events")
                .helpText("Receive Login.gov's security events (account disabled, deleted, password reset, ...) at "
                        + "this provider's push URL and act on them as set below. Off: the URL answers 404.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("false")
                .add()
                .property()
                .name(ConfigKeys.SECURITY_EVENTS_PUSH_URL)
                .label("Security events push URL")
                .helpText("Written on save from Keycloak's frontend URL: "
                        + "{frontend}/realms/{realm}/logingov/{alias}/security-events. Copy it into the partner "
                        + "portal's push notification URL (Login.gov needs public HTTPS on port 443). Login.gov's "
                        + "events must be addressed to it (or to the client ID). Any edit is overwritten on save.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .property()
                .name(ConfigKeys.FRAUD_REPORT_ON_DISABLE)
                .label("Report fraud when an admin disables a user")
                .helpText("When an admin disables a user linked through this provider and sets the user's attribute "
                        + "logingov_fraud_reason to authorization-fraud-detected or identity-fraud-detected (declare it "
                        + "in the user profile, admin-only), report that to Login.gov, once per user and type. Off: "
                        + "fraud is reported only by hand (the user's page, or the admin REST API).")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("false")
                .add();
        for (SecurityEventType type :
                SecurityEventSettings.CHOICES.keySet().stream().sorted().toList()) {
            List<String> options = new ArrayList<>();
            SecurityEventSettings.choicesFor(type).forEach(action -> options.add(action.configValue()));
            builder.property()
                    .name(SecurityEventSettings.actionKey(type))
                    .label("On " + type.shortName())
                    .helpText(HELP.formatted(type.shortName(), options.get(0)))
                    .type(ProviderConfigProperty.LIST_TYPE)
                    .options(options)
                    .defaultValue(options.get(0))
                    .add();
        }
        return builder.build();
    }

    private static final String HELP = "What Keycloak does when Login.gov reports %s for a linked user (default %s). "
            + "disable-and-sign-out: disable the user and end every session; enable: enable again a user that "
            + "Login.gov's account-disabled disabled (never one an admin disabled); sign-out-and-unlink: end every "
            + "session and remove the link (a user left with no way to sign in is disabled); sign-out: end every "
            + "session, offline ones included; refresh-at-next-sign-in: the verified attributes are written at the next "
            + "verified sign-in, whatever the mappers' sync mode; log-only: record the event only.";
}
