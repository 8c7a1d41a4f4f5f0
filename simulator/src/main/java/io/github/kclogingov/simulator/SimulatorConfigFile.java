package io.github.kclogingov.simulator;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.kclogingov.protocol.ClientAuthentication;
import io.github.kclogingov.protocol.Registration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the standalone simulator's JSON configuration file (format in README.md). Certificate
 * files are resolved against the configuration file's folder.
 */
final class SimulatorConfigFile {

    private SimulatorConfigFile() {}

    static SimulatorConfig.Builder read(Path file) throws IOException {
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IllegalArgumentException(file + " is not a JSON object: " + e.getMessage(), e);
        }
        Path folder = file.toAbsolutePath().getParent();
        SimulatorConfig.Builder builder =
                SimulatorConfig.builder().issuer(string(json, "issuer")).autoPersona(string(json, "autoPersona"));
        if (json.get("mode") != null) {
            builder.mode(Mode.fromConfigValue(string(json, "mode")));
        }
        if (json.get("bindAddress") != null) {
            builder.bindAddress(string(json, "bindAddress"));
        }
        readBehaviour(json, builder);
        for (Map<String, Object> serviceProvider : objects(json, "serviceProviders")) {
            builder.serviceProvider(serviceProvider(serviceProvider, folder));
        }
        if (json.get("personas") != null) {
            List<Persona> personas = new ArrayList<>();
            for (Map<String, Object> persona : objects(json, "personas")) {
                personas.add(PersonaJson.read(persona));
            }
            builder.personas(personas);
        }
        return builder;
    }

    /** The switches of Login.gov's behaviour; each left out keeps Login.gov's own. */
    private static void readBehaviour(Map<String, Object> json, SimulatorConfig.Builder builder) {
        if (json.get("sessionTimeoutSeconds") != null) {
            builder.sessionTimeout(Duration.ofSeconds(whole(json, "sessionTimeoutSeconds")));
        }
        if (json.get("throttle") != null) {
            if (!(json.get("throttle") instanceof Map)) {
                throw new IllegalArgumentException(
                        "throttle must be an object such as {\"enabled\": false} or {\"limit\": 300, \"periodSeconds\": 300}");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> throttle = (Map<String, Object>) json.get("throttle");
            ThrottleSettings defaults = ThrottleSettings.loginGovDefault();
            builder.throttle(new ThrottleSettings(
                    !Boolean.FALSE.equals(throttle.get("enabled")),
                    throttle.get("limit") == null ? defaults.limit() : (int) whole(throttle, "limit"),
                    throttle.get("periodSeconds") == null
                            ? defaults.period()
                            : Duration.ofSeconds(whole(throttle, "periodSeconds"))));
        }
        if (json.get("logoutConfirmation") != null) {
            String value = string(json, "logoutConfirmation");
            builder.logoutConfirmation(
                    switch (value) {
                        case "when-signed-in" -> LogoutConfirmation.WHEN_SIGNED_IN;
                        case "never" -> LogoutConfirmation.NEVER;
                        default ->
                            throw new IllegalArgumentException(
                                    "logoutConfirmation must be \"when-signed-in\" or \"never\", not \"" + value
                                            + "\"");
                    });
        }
        if (json.get("idTokenCarriesUserinfo") != null) {
            builder.idTokenCarriesUserinfo(Boolean.TRUE.equals(json.get("idTokenCarriesUserinfo")));
        }
        if (json.get(BACK_CHANNEL_DELAY) != null) {
            readBackChannelDelays(json.get(BACK_CHANNEL_DELAY), builder);
        }
    }

    private static final String BACK_CHANNEL_DELAY = "backChannelDelayMillis";

    /** {@code {"token": 50, "userinfo": 50, "jwks": 50, "discovery": 0}}, each endpoint optional. */
    private static void readBackChannelDelays(Object value, SimulatorConfig.Builder builder) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(
                    BACK_CHANNEL_DELAY + " must be an object such as {\"token\": 50, \"userinfo\": 50, \"jwks\": 50}");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> delays = (Map<String, Object>) value;
        for (String name : delays.keySet()) {
            Outages.Endpoint endpoint = Arrays.stream(Outages.Endpoint.values())
                    .filter(e -> e.name().toLowerCase(Locale.ROOT).equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(BACK_CHANNEL_DELAY + " names an unknown endpoint \""
                            + name + "\"; known: token, userinfo, jwks, discovery, partner_events"));
            long millis = whole(delays, name);
            if (millis < 0 || millis > BackChannelDelays.MAX.toMillis()) {
                throw new IllegalArgumentException(BACK_CHANNEL_DELAY + "." + name + " must be from 0 to "
                        + BackChannelDelays.MAX.toMillis() + " (milliseconds), not " + millis);
            }
            builder.backChannelDelay(endpoint, Duration.ofMillis(millis));
        }
    }

    private static long whole(Map<String, Object> json, String name) {
        Object value = json.get(name);
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.longValue();
        }
        throw new IllegalArgumentException(name + " must be a whole number, not " + value);
    }

    static ServiceProvider serviceProvider(Map<String, Object> json, Path folder) throws IOException {
        String clientId = string(json, "clientId");
        List<String> redirectUris = strings(json, "redirectUris");
        Registration registration = Registration.fromConfigValue(
                json.get("registration") == null ? "auth-only" : string(json, "registration"));
        String authenticationValue =
                json.get("authentication") == null ? "private_key_jwt" : string(json, "authentication");
        ClientAuthentication authentication = ClientAuthentication.fromConfigValue(authenticationValue)
                .orElseThrow(() -> new IllegalArgumentException(
                        "authentication must be \"private_key_jwt\" or \"pkce\", not \"" + authenticationValue + "\""));
        ServiceProvider serviceProvider;
        if (authentication == ClientAuthentication.PKCE) {
            serviceProvider = ServiceProvider.pkce(clientId, redirectUris, registration);
        } else {
            List<String> certificates = new ArrayList<>(strings(json, "certificates"));
            for (String certificateFile : strings(json, "certificateFiles")) {
                certificates.add(Files.readString(folder.resolve(certificateFile), StandardCharsets.US_ASCII));
            }
            serviceProvider = ServiceProvider.privateKeyJwt(clientId, redirectUris, certificates, registration);
        }
        if (json.get("postLogoutRedirectUris") != null) {
            serviceProvider = serviceProvider.withPostLogoutRedirectUris(strings(json, "postLogoutRedirectUris"));
        }
        return serviceProvider
                .withPushUrl(string(json, "pushUrl"))
                .withIalmaxAllowed(Boolean.TRUE.equals(json.get("ialmaxAllowed")))
                .withReauthenticationAllowed(Boolean.TRUE.equals(json.get("reauthenticationAllowed")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(Map<String, Object> json, String name) {
        Object value = json.get(name);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> json, String name) {
        Object value = json.get(name);
        return value == null ? List.of() : (List<String>) value;
    }

    private static String string(Map<String, Object> json, String name) {
        Object value = json.get(name);
        return value == null ? null : value.toString();
    }
}
