package io.github.kclogingov.benchmark.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.broker.assurance.AssertedLevel;
import io.github.kclogingov.broker.mappers.LoginGovAddressMapper;
import io.github.kclogingov.broker.mappers.LoginGovAttributeMapper;
import io.github.kclogingov.broker.metrics.LevelTags;
import io.github.kclogingov.broker.metrics.SignInMeter;
import io.github.kclogingov.broker.metrics.UpstreamCallMeter;
import io.github.kclogingov.broker.signin.AccessTokenHash;
import io.github.kclogingov.broker.signin.AssuranceCheck;
import io.github.kclogingov.broker.signin.AuthorizationRequest;
import io.github.kclogingov.broker.signin.BoundedJson;
import io.github.kclogingov.broker.signin.ClientAssertion;
import io.github.kclogingov.broker.signin.IdTokenAttributes;
import io.github.kclogingov.broker.signin.IdTokenValidator;
import io.github.kclogingov.broker.signin.NonceCheck;
import io.github.kclogingov.broker.signin.UserinfoChecks;
import io.github.kclogingov.protocol.AcrValues;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.ws.rs.core.UriBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.common.crypto.CryptoIntegration;
import org.keycloak.common.util.Time;
import org.keycloak.crypto.AsymmetricSignatureSignerContext;
import org.keycloak.crypto.KeyStatus;
import org.keycloak.crypto.KeyType;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.crypto.SignatureSignerContext;
import org.keycloak.jose.jws.JWSBuilder;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.representations.JsonWebToken;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The provider's own work in one sign-in, piece by piece, beside the two cryptographic operations no
 * broker can avoid: one RS256 signature (the client assertion, RSA-3072) and one RS256 verification
 * (the id_token, RSA-2048), done bare with the JDK. {@link JmhMain} adds the pieces up and prints
 * the total over that floor. Sampled times, compared by their medians: on a shared machine a
 * preempted sample inflates a mean, not a median.
 *
 * <p>Only the parts that run without a Keycloak session are here: finding the client-assertion key
 * and Login.gov's public key in Keycloak's caches, the authentication-session notes, the HTTP calls
 * and the user's creation need a running Keycloak and are measured by the sign-in benchmark
 * instead. Over 200 lines because JMH wants every measured piece as a method of one state class,
 * beside the setup they share (the sign-in's material lives in {@link SignInMaterial}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProviderWorkBenchmark {

    /** The scopes the demo realm's provider is configured with (every attribute it maps). */
    static final String CONFIGURED_SCOPES =
            "openid email all_emails locale profile:name profile:birthdate address phone profile:verified_at x509";

    /** The demo realm's mappers (realm-export/logingov-demo-realm.json): claim to attribute. */
    private static final Map<String, String> ATTRIBUTE_MAPPERS = attributeMappers();

    private SignInMaterial material;
    private SignatureSignerContext clientAssertionSigner;
    private IdTokenValidator validator;
    private AcrValues requested;
    private UriBuilder stockAuthorizationUri;
    private String state;
    private String scopesSent;
    private byte[] userinfoBytes;
    private JsonNode userinfo;
    private JsonWebToken validatedIdToken;
    private IdentityProviderModel providerModel;
    private List<Mapping> mappings;
    private String idToken;
    private byte[] idTokenSigningInput;
    private byte[] idTokenSignature;
    private byte[] assertionSigningInput;
    private LevelTags askedTags;
    private LevelTags achievedTags;

    private record Mapping(IdentityProviderMapper mapper, IdentityProviderMapperModel model) {}

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        CryptoIntegration.init(ProviderWorkBenchmark.class.getClassLoader());
        material = new SignInMaterial();
        KeyWrapper key = new KeyWrapper();
        key.setKid("logingov-client-assertion");
        key.setAlgorithm("RS256");
        key.setType(KeyType.RSA);
        key.setUse(KeyUse.SIG);
        key.setStatus(KeyStatus.PASSIVE);
        key.setPrivateKey(material.clientAssertionKey.getPrivate());
        key.setPublicKey(material.clientAssertionKey.getPublic());
        clientAssertionSigner = new AsymmetricSignatureSignerContext(key);
        PublicKey loginGovPublic = material.loginGovKey.getPublic();
        validator = new IdTokenValidator(
                new IdTokenValidator.KeyResolver() {
                    @Override
                    public PublicKey find(String kid) {
                        return SignInMaterial.KID.equals(kid) ? loginGovPublic : null;
                    }

                    @Override
                    public List<PublicKey> usableKeys() {
                        return List.of(loginGovPublic);
                    }
                },
                SignInMaterial.ISSUER,
                SignInMaterial.CLIENT_ID,
                Duration.ofSeconds(10),
                Duration.ofMinutes(5),
                Clock.systemUTC());
        requested = AcrValues.parse(SignInMaterial.ACR);
        // What Keycloak's OIDC broker builds before the provider shapes it; Keycloak's state is about 90 characters.
        state = UUID.randomUUID() + "." + UUID.randomUUID() + "." + UUID.randomUUID();
        stockAuthorizationUri = UriBuilder.fromUri(SignInMaterial.AUTHORIZATION_URL)
                .queryParam("scope", CONFIGURED_SCOPES)
                .queryParam("state", state)
                .queryParam("response_type", "code")
                .queryParam("client_id", SignInMaterial.CLIENT_ID)
                .queryParam("redirect_uri", SignInMaterial.REDIRECT_URI)
                .queryParam("nonce", material.nonce);
        scopesSent = AuthorizationRequest.scopesSent(CONFIGURED_SCOPES, requested);
        userinfoBytes = material.userinfoBytes();
        userinfo = material.userinfo();
        providerModel = new IdentityProviderModel();
        providerModel.setAlias("logingov");
        providerModel.setProviderId("login.gov");
        providerModel.setEnabled(true);
        mappings = mappings();
        refreshTokens();
        validatedIdToken = validator.validate(idToken);
        assertionSigningInput = (UUID.randomUUID() + "." + UUID.randomUUID() + "." + "x".repeat(300))
                .getBytes(StandardCharsets.US_ASCII);
        askedTags = LevelTags.of(requested.ial(), requested.aal());
        achievedTags = LevelTags.of(requested.ial(), requested.aal());
        Metrics.addRegistry(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        checkEveryPieceWorks();
    }

    /** The validator refuses an id_token older than five minutes: every iteration gets a fresh one. */
    @Setup(Level.Iteration)
    public void refreshTokens() {
        idToken = material.idToken();
        int lastDot = idToken.lastIndexOf('.');
        idTokenSigningInput = idToken.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        idTokenSignature = java.util.Base64.getUrlDecoder().decode(idToken.substring(lastDot + 1));
    }

    /** A benchmark of a piece that throws would measure the exception: fail before measuring instead. */
    private void checkEveryPieceWorks() throws GeneralSecurityException {
        authorizationRequest();
        clientAssertion();
        if (!answerChecks().equals(userinfo)) {
            throw new IllegalStateException("the id_token's userinfo view differs from the userinfo answer");
        }
        userinfoAnswer();
        assuranceCheck();
        BrokeredIdentityContext mapped = claimMapping();
        if (!"Jordan".equals(mapped.getFirstName())
                || mapped.getUserAttribute("logingov_verified_at") == null
                || mapped.getUserAttribute("street") == null) {
            throw new IllegalStateException("the mappers did not map the claims: " + mapped.getContextData());
        }
        signInMeters();
        if (Metrics.globalRegistry.find("logingov.sign.ins").counter() == null) {
            throw new IllegalStateException("the sign-in meter was not registered");
        }
        if (!floorVerify()) {
            throw new IllegalStateException("the bare verification failed");
        }
    }

    // ---- The provider's own work ----

    /** The provider's checks and shaping of Keycloak's authorization request (acr_values, scope, prompt, locale). */
    @Benchmark
    public String authorizationRequest() {
        UriBuilder uri = stockAuthorizationUri.clone();
        AuthorizationRequest.checkState(state);
        return AuthorizationRequest.shape(uri, requested, CONFIGURED_SCOPES, "en")
                .build()
                .toString();
    }

    /** The client assertion's claims and its RS256 signature (RSA-3072), as Keycloak's broker serializes it. */
    @Benchmark
    public String clientAssertion() {
        JsonWebToken claims =
                ClientAssertion.claims(SignInMaterial.CLIENT_ID, SignInMaterial.TOKEN_URL, Time.currentTime());
        return new JWSBuilder().type("JWT").jsonContent(claims).sign(clientAssertionSigner);
    }

    /** The strict id_token validation: bounded parsing, header rules, one RS256 verification, every claim. */
    @Benchmark
    public JsonWebToken idTokenValidation() {
        return validator.validate(idToken);
    }

    /**
     * Nonce and at_hash; then, as by default, the attributes from the id_token: every promised claim
     * present, the userinfo view built and checked as a userinfo answer (sub, shape). With "Always
     * call userinfo" the view is replaced by reading userinfo's bytes ({@link #userinfoAnswer}).
     */
    @Benchmark
    public JsonNode answerChecks() {
        NonceCheck.check(validatedIdToken.getOtherClaims().get("nonce"), material.nonce);
        AccessTokenHash.check(validatedIdToken.getOtherClaims().get("at_hash"), material.accessToken);
        JsonNode answer =
                IdTokenAttributes.complete(validatedIdToken, scopesSent).orElseThrow();
        UserinfoChecks.check(answer, validatedIdToken.getSubject());
        return answer;
    }

    /** Not in the total: userinfo's answer read with bounds and checked, as with "Always call userinfo". */
    @Benchmark
    public JsonNode userinfoAnswer() {
        JsonNode answer = BoundedJson.object(userinfoBytes).orElseThrow();
        UserinfoChecks.check(answer, validatedIdToken.getSubject());
        return answer;
    }

    /** The asserted level against the requested one (acr, aal, userinfo's ial). */
    /**
     * The meters one sign-in moves on Keycloak's Prometheus registry (metrics on): the sign-in
     * counter and the token call's histogram. Each looks its meter up by name and tags, as at run time.
     */
    @Benchmark
    public void signInMeters() {
        SignInMeter.succeeded("bench", "logingov", askedTags, achievedTags);
        UpstreamCallMeter.record("token", UpstreamCallMeter.Outcome.SUCCESS, 42_000_000L);
    }

    @Benchmark
    public AssertedLevel assuranceCheck() {
        return AssuranceCheck.check(requested, validatedIdToken, userinfo);
    }

    /** The demo realm's fourteen Login.gov mappers on a new person's identity (first sign-in). */
    @Benchmark
    public BrokeredIdentityContext claimMapping() {
        BrokeredIdentityContext identity = new BrokeredIdentityContext(validatedIdToken.getSubject(), providerModel);
        identity.getContextData().put(OIDCIdentityProvider.VALIDATED_ID_TOKEN, validatedIdToken);
        identity.getContextData().put(OIDCIdentityProvider.USER_INFO, userinfo);
        for (Mapping mapping : mappings) {
            mapping.mapper().preprocessFederatedIdentity(null, null, mapping.model(), identity);
        }
        return identity;
    }

    // ---- The floor: what any broker must compute ----

    /** One RS256 signature with an RSA-3072 key, the JDK alone. */
    @Benchmark
    public byte[] floorSign() throws GeneralSecurityException {
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(material.clientAssertionKey.getPrivate());
        signer.update(assertionSigningInput);
        return signer.sign();
    }

    /** One RS256 verification with an RSA-2048 key, the JDK alone. */
    @Benchmark
    public boolean floorVerify() throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(material.loginGovKey.getPublic());
        verifier.update(idTokenSigningInput);
        return verifier.verify(idTokenSignature);
    }

    private static List<Mapping> mappings() {
        List<Mapping> mappings = new java.util.ArrayList<>();
        LoginGovAttributeMapper attributeMapper = new LoginGovAttributeMapper();
        ATTRIBUTE_MAPPERS.forEach((claim, attribute) -> {
            IdentityProviderMapperModel model = new IdentityProviderMapperModel();
            model.setName(claim);
            model.setIdentityProviderAlias("logingov");
            model.setIdentityProviderMapper(LoginGovAttributeMapper.PROVIDER_ID);
            Map<String, String> config = new LinkedHashMap<>();
            config.put("syncMode", "FORCE");
            config.put("claim", claim);
            config.put("user.attribute", attribute);
            model.setConfig(config);
            mappings.add(new Mapping(attributeMapper, model));
        });
        IdentityProviderMapperModel address = new IdentityProviderMapperModel();
        address.setName("address");
        address.setIdentityProviderAlias("logingov");
        address.setIdentityProviderMapper(LoginGovAddressMapper.PROVIDER_ID);
        address.setConfig(new LinkedHashMap<>(Map.of("syncMode", "FORCE")));
        mappings.add(new Mapping(new LoginGovAddressMapper(), address));
        return mappings;
    }

    private static Map<String, String> attributeMappers() {
        Map<String, String> mappers = new LinkedHashMap<>();
        mappers.put("email", "email");
        mappers.put("given_name", "firstName");
        mappers.put("family_name", "lastName");
        mappers.put("all_emails", "logingov_all_emails");
        mappers.put("locale", "logingov_locale");
        mappers.put("birthdate", "birthdate");
        mappers.put("phone", "phoneNumber");
        mappers.put("verified_at", "logingov_verified_at");
        mappers.put("ial", "logingov_ial");
        mappers.put("aal", "logingov_aal");
        mappers.put("x509_subject", "logingov_x509_subject");
        mappers.put("x509_issuer", "logingov_x509_issuer");
        mappers.put("x509_presented", "logingov_x509_presented");
        return mappers;
    }
}
