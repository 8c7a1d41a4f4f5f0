package io.github.kclogingov.broker.mappers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;

/**
 * Prints what hostile claim values cost the Login.gov mappers, in microseconds per operation. Not
 * a test (the suite runs none of it): run its {@code main} with the test classpath, e.g.
 * {@code java -cp <test classpath> io.github.kclogingov.broker.mappers.HostileClaimsBenchmark}.
 */
public final class HostileClaimsBenchmark {

    private static final int WARM_UP = 2_000;
    private static final int RUNS = 20_000;

    /** Keeps the JIT from dropping the work. */
    private static int sink;

    private HostileClaimsBenchmark() {}

    public static void main(String[] args) {
        Map<String, Supplier<Object>> cases = new LinkedHashMap<>();
        cases.put("verified_at number 1e999999999 (BigDecimal)", () -> verifiedAt(HostileClaims.HUGE_EXPONENT));
        cases.put(
                "verified_at number -1e999999999 (BigDecimal)", () -> verifiedAt(HostileClaims.HUGE_NEGATIVE_EXPONENT));
        cases.put("verified_at number 1e-999999999 (BigDecimal)", () -> verifiedAt(HostileClaims.TINY_EXPONENT));
        cases.put("verified_at string \"1e999999999\"", () -> verifiedAt(HostileClaims.HUGE_EXPONENT_TEXT));
        cases.put(
                "verified_at 10000-digit number (BigInteger)",
                () -> verifiedAt(HostileClaims.TEN_THOUSAND_DIGIT_NUMBER));
        cases.put("verified_at 10000-digit string", () -> verifiedAt(HostileClaims.TEN_THOUSAND_DIGITS));
        cases.put("verified_at 1 MB string", () -> verifiedAt(HostileClaims.ONE_MEGABYTE));
        cases.put("verified_at good epoch seconds (baseline)", () -> verifiedAt(1_709_294_400L));
        cases.put("ssn 1 MB string", () -> ClaimValues.lastFour(HostileClaims.ONE_MEGABYTE));
        cases.put("read 1 MB string (id_token)", () -> QuietClaims.texts(idToken(HostileClaims.ONE_MEGABYTE), "x"));
        cases.put(
                "read 1 MB string (userinfo)", () -> QuietClaims.get(userInfo(text(HostileClaims.ONE_MEGABYTE)), "x"));
        cases.put("read list nested 1000 levels (id_token)", () -> QuietClaims.get(idToken(NESTED_LIST), "x"));
        cases.put("read JSON nested 1000 levels (userinfo)", () -> QuietClaims.get(userInfo(NESTED_JSON), "x"));
        cases.put("read 10000-digit number (userinfo)", () -> QuietClaims.get(userInfo(BIG_NUMBER), "x"));
        cases.put(
                "attribute mapper, hostile verified_at (1e999999999)",
                () -> mapVerifiedAt(HostileClaims.HUGE_EXPONENT));
        cases.put("attribute mapper, good verified_at (baseline)", () -> mapVerifiedAt(1_709_294_400L));

        System.out.printf("%-55s %12s%n", "operation", "us/op");
        cases.forEach((name, operation) -> System.out.printf("%-55s %12.3f%n", name, microsPerOperation(operation)));
        System.out.println("(sink " + sink + ")");
    }

    private static final Object NESTED_LIST = HostileClaims.nestedList(1000);
    private static final JsonNode NESTED_JSON = HostileClaims.nestedJson(1000);
    private static final JsonNode BIG_NUMBER =
            JsonNodeFactory.instance.numberNode(HostileClaims.TEN_THOUSAND_DIGIT_NUMBER);

    private static double microsPerOperation(Supplier<Object> operation) {
        for (int i = 0; i < WARM_UP; i++) {
            sink += System.identityHashCode(operation.get()) & 1;
        }
        long start = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            sink += System.identityHashCode(operation.get()) & 1;
        }
        return (System.nanoTime() - start) / 1_000.0 / RUNS;
    }

    private static Object verifiedAt(Object claim) {
        return ClaimValues.verifiedAtAsIsoInstant(claim);
    }

    private static JsonNode text(String value) {
        return JsonNodeFactory.instance.textNode(value);
    }

    private static BrokeredIdentityContext idToken(Object value) {
        return Contexts.withIdToken(Map.of("x", value));
    }

    private static BrokeredIdentityContext userInfo(JsonNode value) {
        BrokeredIdentityContext context = Contexts.empty();
        context.getContextData()
                .put(
                        OIDCIdentityProvider.USER_INFO,
                        JsonNodeFactory.instance.objectNode().set("x", value));
        return context;
    }

    private static Object mapVerifiedAt(Object value) {
        BrokeredIdentityContext context = Contexts.withIdToken(Map.of("verified_at", value));
        new LoginGovAttributeMapper()
                .preprocessFederatedIdentity(
                        null, null, LoginGovAttributeMapperTest.model("verified_at", "verified_at"), context);
        return context.getAttributes();
    }
}
