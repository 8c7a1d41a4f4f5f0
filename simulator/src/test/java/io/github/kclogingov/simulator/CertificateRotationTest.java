package io.github.kclogingov.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.protocol.Registration;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A client key rotation as an agency does it in Login.gov's partner portal: a second certificate
 * beside the first, both accepted, then the first removed; from Java and over the admin API.
 */
class CertificateRotationTest {
    private static final String CLIENT = "urn:gov:gsa:openidconnect.profiles:sp:sso:test:rotation";

    private LoginGovSimulator simulator;

    @BeforeEach
    void registerWithKeyA() {
        simulator = SharedSimulator.reset();
        simulator.addServiceProvider(ServiceProvider.privateKeyJwt(
                CLIENT,
                List.of(TestClients.REDIRECT),
                List.of(TestClients.KEY_A.certificatePem()),
                Registration.AUTH_ONLY));
    }

    /** The token call's status with an assertion signed by {@code key}; the recorder says which certificate passed. */
    private int tokenCallSignedBy(SelfSignedKey key) {
        String code = Flows.code(simulator, AuthorizeParams.validFor(CLIENT));
        Map<String, String> form = Flows.tokenForm(simulator, CLIENT, code);
        form.put(
                "client_assertion",
                ClientAssertionBuilder.forClient(CLIENT, simulator).key(key).sign());
        return Flows.token(simulator, form).statusCode();
    }

    private Integer lastVerifyingCertificate() {
        List<RecordedTokenRequest> requests = simulator.recorder().tokenRequests();
        return requests.get(requests.size() - 1).verifiedByCertificate();
    }

    private HttpResponse<String> admin(Map<String, String> form) {
        return Http.postForm(simulator.issuer() + SimulatorContext.ADMIN_CERTIFICATES_PATH, form);
    }

    @Nested
    class FromJava {
        @Test
        void both_keys_sign_during_the_overlap_and_only_the_new_one_after() {
            assertEquals(400, tokenCallSignedBy(TestClients.KEY_B), "not registered yet");

            simulator.addCertificate(CLIENT, TestClients.KEY_B.certificatePem());
            assertEquals(200, tokenCallSignedBy(TestClients.KEY_A));
            assertEquals(0, lastVerifyingCertificate());
            assertEquals(200, tokenCallSignedBy(TestClients.KEY_B));
            assertEquals(1, lastVerifyingCertificate());

            simulator.removeCertificate(CLIENT, TestClients.KEY_A.certificatePem());
            assertEquals(400, tokenCallSignedBy(TestClients.KEY_A));
            assertEquals(200, tokenCallSignedBy(TestClients.KEY_B));
            assertEquals(0, lastVerifyingCertificate());
        }

        @Test
        void adding_a_registered_certificate_again_changes_nothing() {
            simulator.addCertificate(CLIENT, TestClients.KEY_A.certificatePem());
            assertEquals(1, registered().certificates().size());
        }

        @Test
        void the_last_certificate_of_a_private_key_jwt_client_stays() {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> simulator.removeCertificate(CLIENT, TestClients.KEY_A.certificatePem()));
            assertEquals(1, registered().certificates().size());
        }

        private ServiceProvider registered() {
            return simulator.serviceProviders().stream()
                    .filter(sp -> sp.clientId().equals(CLIENT))
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Nested
    class OverTheAdminApi {
        @Test
        void a_certificate_is_added_then_the_old_one_removed() {
            HttpResponse<String> added = admin(Map.of("clientId", CLIENT, "add", TestClients.KEY_B.certificatePem()));
            assertEquals(204, added.statusCode(), added::body);
            assertEquals(200, tokenCallSignedBy(TestClients.KEY_B));
            assertEquals(200, tokenCallSignedBy(TestClients.KEY_A));

            HttpResponse<String> removed =
                    admin(Map.of("clientId", CLIENT, "remove", TestClients.KEY_A.certificatePem()));
            assertEquals(204, removed.statusCode(), removed::body);
            assertEquals(400, tokenCallSignedBy(TestClients.KEY_A));
            assertEquals(200, tokenCallSignedBy(TestClients.KEY_B));
        }

        @Test
        void a_request_that_cannot_work_is_refused_with_the_reason() {
            assertRefused(Map.of("add", TestClients.KEY_B.certificatePem()), "clientId is required");
            assertRefused(
                    Map.of("clientId", "urn:unknown", "add", TestClients.KEY_B.certificatePem()),
                    "No service provider urn:unknown is registered");
            assertRefused(Map.of("clientId", CLIENT), "Send exactly one of add or remove");
            assertRefused(
                    Map.of(
                            "clientId",
                            CLIENT,
                            "add",
                            TestClients.KEY_B.certificatePem(),
                            "remove",
                            TestClients.KEY_A.certificatePem()),
                    "Send exactly one of add or remove");
            assertRefused(Map.of("clientId", CLIENT, "add", "not a certificate"), "Not a PEM X.509 certificate");
            assertRefused(
                    Map.of("clientId", CLIENT, "remove", TestClients.KEY_A.certificatePem()),
                    "needs at least one certificate");
            assertRefused(
                    Map.of("clientId", CLIENT, "remove", TestClients.UNREGISTERED.certificatePem()),
                    "has no such certificate");
            assertEquals(200, tokenCallSignedBy(TestClients.KEY_A), "nothing changed");
        }

        private void assertRefused(Map<String, String> form, String reason) {
            HttpResponse<String> response = admin(form);
            assertEquals(400, response.statusCode(), response::body);
            String error = (String) Http.json(response).get("error");
            assertTrue(error.contains(reason), error);
        }
    }
}
