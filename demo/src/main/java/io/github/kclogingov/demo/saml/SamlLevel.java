package io.github.kclogingov.demo.saml;

/**
 * A level a SAML application can ask for: the realm's name for it (its key in {@code acr.loa.map})
 * and the authentication context class reference that stands for it in SAML ({@code acr.uri.map}).
 */
public record SamlLevel(String name, String classRef) {}
