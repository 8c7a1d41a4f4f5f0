package io.github.kclogingov.simulator;

import io.github.kclogingov.protocol.ClientAuthentication;
import io.github.kclogingov.protocol.LoginGovProtocol;
import io.github.kclogingov.protocol.Registration;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * A relying party as registered in Login.gov's partner portal. Immutable: the {@code with...}
 * methods return a changed copy. Over 200 lines only because each registration setting has its
 * own copy method (the certificates three: replace, add, remove); it stays one class because it is
 * one registration.
 */
public final class ServiceProvider {
    /** Login.gov requires RSA keys of at least this size in registered certificates. */
    static final int MIN_RSA_KEY_BITS = 2048;

    private final String clientId;
    private final List<String> redirectUris;
    private final List<String> postLogoutRedirectUris;
    private final ClientAuthentication authentication;
    private final List<X509Certificate> certificates;
    private final Registration registration;
    private final boolean ialmaxAllowed;
    private final boolean reauthenticationAllowed;
    /** Where Login.gov pushes this client's security events (the partner portal's push URL); null for none. */
    private final String pushUrl;

    private ServiceProvider(
            String clientId,
            List<String> redirectUris,
            List<String> postLogoutRedirectUris,
            ClientAuthentication authentication,
            List<X509Certificate> certificates,
            Registration registration,
            boolean ialmaxAllowed,
            boolean reauthenticationAllowed,
            String pushUrl) {
        if (!LoginGovProtocol.isValidClientId(clientId)) {
            throw new IllegalArgumentException(
                    "A client_id must be a non-blank string without whitespace: \"" + clientId + "\"");
        }
        if (redirectUris == null || redirectUris.isEmpty()) {
            throw new IllegalArgumentException("Service provider " + clientId + " needs at least one redirect URI");
        }
        if (authentication == ClientAuthentication.PRIVATE_KEY_JWT && certificates.isEmpty()) {
            throw new IllegalArgumentException(
                    "Service provider " + clientId + " uses private_key_jwt and needs at least one certificate");
        }
        this.clientId = clientId;
        this.redirectUris = List.copyOf(redirectUris);
        this.postLogoutRedirectUris =
                List.copyOf(postLogoutRedirectUris == null ? redirectUris : postLogoutRedirectUris);
        this.authentication = authentication;
        this.certificates = List.copyOf(certificates);
        this.registration = registration == null ? Registration.AUTH_ONLY : registration;
        this.ialmaxAllowed = ialmaxAllowed;
        this.reauthenticationAllowed = reauthenticationAllowed;
        this.pushUrl = pushUrl == null || pushUrl.isBlank() ? null : PushUrls.checked(pushUrl.trim());
    }

    /**
     * A confidential client authenticating with a client assertion.
     *
     * @param certificatePems PEM X.509 certificates; the assertion is tried against each, so two
     *     can overlap during a key rotation
     */
    public static ServiceProvider privateKeyJwt(
            String clientId, List<String> redirectUris, List<String> certificatePems, Registration registration) {
        return new ServiceProvider(
                clientId,
                redirectUris,
                null,
                ClientAuthentication.PRIVATE_KEY_JWT,
                parseCertificates(certificatePems),
                registration,
                false,
                false,
                null);
    }

    /** A public client proving possession with PKCE (S256). */
    public static ServiceProvider pkce(String clientId, List<String> redirectUris, Registration registration) {
        return new ServiceProvider(
                clientId, redirectUris, null, ClientAuthentication.PKCE, List.of(), registration, false, false, null);
    }

    /**
     * The URIs accepted as {@code post_logout_redirect_uri}. Production accepts the registered
     * redirect URIs, which is the default here; this replaces that list.
     */
    public ServiceProvider withPostLogoutRedirectUris(List<String> uris) {
        return new ServiceProvider(
                clientId,
                redirectUris,
                uris,
                authentication,
                certificates,
                registration,
                ialmaxAllowed,
                reauthenticationAllowed,
                pushUrl);
    }

    /** Puts this service provider on (or off) the IALMAX allow list. */
    public ServiceProvider withIalmaxAllowed(boolean allowed) {
        return new ServiceProvider(
                clientId,
                redirectUris,
                postLogoutRedirectUris,
                authentication,
                certificates,
                registration,
                allowed,
                reauthenticationAllowed,
                pushUrl);
    }

    /**
     * Puts this service provider on (or off) Login.gov's re-authentication allow list: with it,
     * {@code prompt=login} is accepted and {@code auth_time} is released in the id_token and
     * userinfo; without it (the default, as in production) neither.
     */
    public ServiceProvider withReauthenticationAllowed(boolean allowed) {
        return new ServiceProvider(
                clientId,
                redirectUris,
                postLogoutRedirectUris,
                authentication,
                certificates,
                registration,
                ialmaxAllowed,
                allowed,
                pushUrl);
    }

    /**
     * Registers the push notification URL Login.gov sends this client's security events to (one
     * per client, as in the partner portal); null or blank removes it.
     */
    public ServiceProvider withPushUrl(String url) {
        return new ServiceProvider(
                clientId,
                redirectUris,
                postLogoutRedirectUris,
                authentication,
                certificates,
                registration,
                ialmaxAllowed,
                reauthenticationAllowed,
                url);
    }

    /** Replaces the registered certificates (a key rotation in the portal). */
    public ServiceProvider withCertificates(List<String> certificatePems) {
        return new ServiceProvider(
                clientId,
                redirectUris,
                postLogoutRedirectUris,
                authentication,
                parseCertificates(certificatePems),
                registration,
                ialmaxAllowed,
                reauthenticationAllowed,
                pushUrl);
    }

    /**
     * Registers one more certificate beside the others, as an agency uploads a new key's certificate
     * to the portal before switching to the key; registering one twice changes nothing.
     *
     * @throws IllegalArgumentException unless {@code certificatePem} is one PEM certificate of an
     *     RSA key of at least {@value #MIN_RSA_KEY_BITS} bits
     */
    public ServiceProvider withCertificateAdded(String certificatePem) {
        X509Certificate added = single(certificatePem);
        List<X509Certificate> registered = new ArrayList<>(certificates);
        if (!registered.contains(added)) {
            registered.add(added);
        }
        return withCertificateList(registered);
    }

    /**
     * Removes a registered certificate, as an agency does in the portal once the old key is retired.
     *
     * @throws IllegalArgumentException when it is not registered, or is the last certificate of a
     *     private_key_jwt client
     */
    public ServiceProvider withCertificateRemoved(String certificatePem) {
        X509Certificate removed = single(certificatePem);
        List<X509Certificate> registered = new ArrayList<>(certificates);
        if (!registered.remove(removed)) {
            throw new IllegalArgumentException(
                    "Service provider " + clientId + " has no such certificate: " + removed.getSubjectX500Principal());
        }
        return withCertificateList(registered);
    }

    private ServiceProvider withCertificateList(List<X509Certificate> registered) {
        return new ServiceProvider(
                clientId,
                redirectUris,
                postLogoutRedirectUris,
                authentication,
                registered,
                registration,
                ialmaxAllowed,
                reauthenticationAllowed,
                pushUrl);
    }

    private static X509Certificate single(String certificatePem) {
        List<X509Certificate> parsed = parseCertificates(List.of(certificatePem == null ? "" : certificatePem));
        if (parsed.size() != 1) {
            throw new IllegalArgumentException("Expected one PEM certificate, found " + parsed.size());
        }
        return parsed.get(0);
    }

    public String clientId() {
        return clientId;
    }

    public List<String> redirectUris() {
        return redirectUris;
    }

    public List<String> postLogoutRedirectUris() {
        return postLogoutRedirectUris;
    }

    public ClientAuthentication authentication() {
        return authentication;
    }

    public List<X509Certificate> certificates() {
        return certificates;
    }

    public Registration registration() {
        return registration;
    }

    public boolean ialmaxAllowed() {
        return ialmaxAllowed;
    }

    public boolean reauthenticationAllowed() {
        return reauthenticationAllowed;
    }

    /** The push notification URL, if one is registered. */
    public java.util.Optional<String> pushUrl() {
        return java.util.Optional.ofNullable(pushUrl);
    }

    public boolean acceptsRedirectUri(String uri) {
        return redirectUris.stream().anyMatch(registered -> RedirectUris.matches(registered, uri));
    }

    public boolean acceptsPostLogoutRedirectUri(String uri) {
        return postLogoutRedirectUris.stream().anyMatch(registered -> RedirectUris.matches(registered, uri));
    }

    @Override
    public String toString() {
        return clientId + " (" + authentication.configValue() + ", " + registration.configValue()
                + (authentication == ClientAuthentication.PRIVATE_KEY_JWT
                        ? ", " + certificates.size() + " certificate(s)"
                        : "")
                + (ialmaxAllowed ? ", IALMAX allowed" : "")
                + (reauthenticationAllowed ? ", re-authentication allowed" : "")
                + (pushUrl != null ? ", security events to " + pushUrl : "") + ")";
    }

    static List<X509Certificate> parseCertificates(List<String> pems) {
        List<X509Certificate> parsed = new ArrayList<>();
        if (pems == null) {
            return parsed;
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (String pem : pems) {
                for (Certificate certificate : factory.generateCertificates(
                        new ByteArrayInputStream(pem.trim().getBytes(StandardCharsets.US_ASCII)))) {
                    parsed.add(requireStrongRsa((X509Certificate) certificate));
                }
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException("Not a PEM X.509 certificate: " + e.getMessage(), e);
        }
        return parsed;
    }

    private static X509Certificate requireStrongRsa(X509Certificate certificate) {
        if (!(certificate.getPublicKey() instanceof RSAPublicKey rsa)
                || rsa.getModulus().bitLength() < MIN_RSA_KEY_BITS) {
            throw new IllegalArgumentException("Login.gov only accepts certificates with an RSA key of at least "
                    + MIN_RSA_KEY_BITS + " bits: " + certificate.getSubjectX500Principal());
        }
        return certificate;
    }
}
