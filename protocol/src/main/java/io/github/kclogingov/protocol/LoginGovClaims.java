package io.github.kclogingov.protocol;

/** Claim names in Login.gov's id_token and userinfo responses. */
public final class LoginGovClaims {
    public static final String SUB = "sub";
    public static final String ISS = "iss";
    public static final String ACR = "acr";
    public static final String IAL = "ial";
    public static final String AAL = "aal";
    public static final String NONCE = "nonce";
    public static final String EMAIL = "email";
    public static final String EMAIL_VERIFIED = "email_verified";
    public static final String ALL_EMAILS = "all_emails";
    public static final String LOCALE = "locale";
    public static final String GIVEN_NAME = "given_name";
    public static final String FAMILY_NAME = "family_name";
    public static final String BIRTHDATE = "birthdate";
    public static final String ADDRESS = "address";
    public static final String PHONE = "phone";
    public static final String PHONE_VERIFIED = "phone_verified";
    public static final String SOCIAL_SECURITY_NUMBER = "social_security_number";
    public static final String VERIFIED_AT = "verified_at";
    public static final String X509_SUBJECT = "x509_subject";
    public static final String X509_ISSUER = "x509_issuer";
    public static final String X509_PRESENTED = "x509_presented";
    /**
     * When the person last authenticated, in epoch seconds; released only to a service provider
     * Login.gov has allowed to re-authenticate (off by default).
     */
    public static final String AUTH_TIME = "auth_time";

    private LoginGovClaims() {}
}
