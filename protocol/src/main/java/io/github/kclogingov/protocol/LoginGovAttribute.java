package io.github.kclogingov.protocol;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The attributes an agency can receive from Login.gov, as an administrator chooses them, and the
 * narrowest scope that releases each. Choosing attributes rather than writing scope strings keeps
 * the request minimal and the verified-only ones visible.
 */
public enum LoginGovAttribute implements ConfigValue {
    EMAIL("email", LoginGovScope.EMAIL),
    ALL_EMAILS("all_emails", LoginGovScope.ALL_EMAILS),
    LOCALE("locale", LoginGovScope.LOCALE),
    NAME("name", LoginGovScope.PROFILE_NAME),
    BIRTHDATE("birthdate", LoginGovScope.PROFILE_BIRTHDATE),
    ADDRESS("address", LoginGovScope.ADDRESS),
    PHONE("phone", LoginGovScope.PHONE),
    SOCIAL_SECURITY_NUMBER("social_security_number", LoginGovScope.SOCIAL_SECURITY_NUMBER),
    VERIFIED_AT("verified_at", LoginGovScope.PROFILE_VERIFIED_AT),
    X509_SUBJECT("x509_subject", LoginGovScope.X509_SUBJECT),
    X509_ISSUER("x509_issuer", LoginGovScope.X509_ISSUER),
    X509_PRESENTED("x509_presented", LoginGovScope.X509_PRESENTED);

    /** What a new identity provider receives: the email address only. */
    public static final Set<LoginGovAttribute> DEFAULT = Set.of(EMAIL);

    private final String configValue;
    private final LoginGovScope scope;

    LoginGovAttribute(String configValue, LoginGovScope scope) {
        this.configValue = configValue;
        this.scope = scope;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    public LoginGovScope scope() {
        return scope;
    }

    /** True for the attributes Login.gov releases only to a verified (IAL2) request. */
    public boolean requiresVerifiedIdentity() {
        return scope.requiresVerifiedIdentity();
    }

    public static Optional<LoginGovAttribute> fromConfigValue(String value) {
        return ConfigValue.find(LoginGovAttribute.class, value);
    }

    /**
     * The attributes a scope Login.gov knows releases, as they are chosen here: {@code profile}
     * gives the name, birth date and verification time, {@code x509} the three certificate
     * attributes, {@code openid} none. Empty for a scope Login.gov does not know.
     */
    public static Set<LoginGovAttribute> ofScope(String scope) {
        return LoginGovScope.fromValue(scope)
                .map(known -> switch (known) {
                    case OPENID -> Set.<LoginGovAttribute>of();
                    case PROFILE -> Set.of(NAME, BIRTHDATE, VERIFIED_AT);
                    case X509 -> Set.of(X509_SUBJECT, X509_ISSUER, X509_PRESENTED);
                    default ->
                        Arrays.stream(values())
                                .filter(attribute -> attribute.scope == known)
                                .collect(java.util.stream.Collectors.toUnmodifiableSet());
                })
                .orElse(Set.of());
    }

    /** The scope parameter for a choice of attributes: {@code openid}, then each attribute's scope once, in declaration order. */
    public static String scopesFor(Collection<LoginGovAttribute> attributes) {
        Set<String> scopes = new LinkedHashSet<>(List.of(LoginGovScope.OPENID.value()));
        Arrays.stream(values()).filter(attributes::contains).forEach(a -> scopes.add(a.scope.value()));
        return String.join(" ", scopes);
    }
}
