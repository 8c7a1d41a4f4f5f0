package io.github.kclogingov.protocol;

/** The two spellings of Login.gov acr values: current {@code urn:acr.login.gov:*} and deprecated URIs. */
public enum AcrForm {
    SEMANTIC,
    LEGACY
}
