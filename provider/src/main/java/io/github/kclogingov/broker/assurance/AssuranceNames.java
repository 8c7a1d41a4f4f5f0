package io.github.kclogingov.broker.assurance;

import io.github.kclogingov.protocol.AcrForm;
import io.github.kclogingov.protocol.AcrValues;
import io.github.kclogingov.protocol.AuthenticationAssurance;
import io.github.kclogingov.protocol.IdentityAssurance;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names applications use for Login.gov levels (the keys of a Keycloak realm's acr-to-LoA map)
 * and the Login.gov acr values each stands for.
 *
 * <p>A name is looked up in the administrator's own names first, then in {@link #BUILT_IN}; a name
 * that is itself Login.gov acr values (for example {@code urn:acr.login.gov:verified}) stands for
 * those values. Any other name is not a Login.gov level.
 */
public final class AssuranceNames {

    /** The names every Login.gov provider understands, weakest first. */
    public static final Map<String, AcrValues> BUILT_IN = builtIn();

    private final Map<String, AcrValues> custom;

    private AssuranceNames(Map<String, AcrValues> custom) {
        this.custom = custom;
    }

    public static AssuranceNames builtInOnly() {
        return new AssuranceNames(Map.of());
    }

    /**
     * The built-in names plus an administrator's own, each mapped to acr values.
     *
     * @throws AcrValues.InvalidAcrValuesException naming the entry whose values Login.gov would refuse
     */
    public static AssuranceNames withCustom(Map<String, String> names) throws AcrValues.InvalidAcrValuesException {
        Map<String, AcrValues> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : names.entrySet()) {
            if (entry.getKey() == null || entry.getKey().isBlank()) {
                throw new AcrValues.InvalidAcrValuesException("A level name must not be empty.");
            }
            try {
                parsed.put(entry.getKey(), AcrValues.parseConfigured(entry.getValue()));
            } catch (AcrValues.InvalidAcrValuesException e) {
                throw new AcrValues.InvalidAcrValuesException("Level '" + entry.getKey() + "': " + e.getMessage());
            }
        }
        return new AssuranceNames(Collections.unmodifiableMap(parsed));
    }

    /** The administrator's own names, as configured. */
    public Map<String, AcrValues> custom() {
        return custom;
    }

    /** The Login.gov acr values a name stands for; empty when it is not a Login.gov level. */
    public Optional<AcrValues> levelFor(String name) {
        if (name == null) {
            return Optional.empty();
        }
        AcrValues level = custom.get(name);
        if (level == null) {
            level = BUILT_IN.get(name);
        }
        if (level != null) {
            return Optional.of(level);
        }
        try {
            return Optional.of(AcrValues.parseConfigured(name));
        } catch (AcrValues.InvalidAcrValuesException e) {
            return Optional.empty();
        }
    }

    private static Map<String, AcrValues> builtIn() {
        Map<String, AcrValues> names = new LinkedHashMap<>();
        names.put("auth-only", semantic(IdentityAssurance.AUTH_ONLY, null));
        names.put(
                "phishing-resistant",
                semantic(IdentityAssurance.AUTH_ONLY, AuthenticationAssurance.PHISHING_RESISTANT));
        names.put("piv-cac", semantic(IdentityAssurance.AUTH_ONLY, AuthenticationAssurance.PIV_CAC));
        names.put("verified", semantic(IdentityAssurance.VERIFIED, null));
        names.put(
                "verified-phishing-resistant",
                semantic(IdentityAssurance.VERIFIED, AuthenticationAssurance.PHISHING_RESISTANT));
        names.put("verified-piv-cac", semantic(IdentityAssurance.VERIFIED, AuthenticationAssurance.PIV_CAC));
        names.put("verified-facial-match", semantic(IdentityAssurance.VERIFIED_FACIAL_MATCH_REQUIRED, null));
        names.put("verified-facial-match-preferred", semantic(IdentityAssurance.VERIFIED_FACIAL_MATCH_PREFERRED, null));
        return Collections.unmodifiableMap(names);
    }

    private static AcrValues semantic(IdentityAssurance ial, AuthenticationAssurance aal) {
        return AcrValues.of(ial, aal, AcrForm.SEMANTIC);
    }
}
