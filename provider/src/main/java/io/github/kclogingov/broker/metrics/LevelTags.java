package io.github.kclogingov.broker.metrics;

import io.github.kclogingov.protocol.AuthenticationAssurance;
import io.github.kclogingov.protocol.IdentityAssurance;
import java.util.Locale;

/**
 * One Login.gov level as two tag values, one per axis: the IAL's name ({@code auth-only},
 * {@code verified}, {@code verified-facial-match-required}, ...) and the AAL's ({@code default},
 * {@code phishing-resistant}, {@code piv-cac}); {@code none} on both when no level was reached.
 */
public record LevelTags(String ial, String aal) {

    static final String NONE_VALUE = "none";

    /** No level: the sign-in ended before one was asked for, or without one achieved. */
    public static final LevelTags NONE = new LevelTags(NONE_VALUE, NONE_VALUE);

    /** @param aal null when none was asked for or asserted: Login.gov's default then applies */
    public static LevelTags of(IdentityAssurance ial, AuthenticationAssurance aal) {
        return new LevelTags(name(ial), name(aal == null ? AuthenticationAssurance.DEFAULT : aal));
    }

    private static String name(Enum<?> level) {
        return level.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
