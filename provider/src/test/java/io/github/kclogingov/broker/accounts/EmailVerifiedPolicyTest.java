package io.github.kclogingov.broker.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kclogingov.broker.common.ProviderType;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.util.JsonSerialization;

/** Tests when Login.gov's email_verified is believed, and where it is read beside the email. */
class EmailVerifiedPolicyTest {

    static final Boolean ABSENT = null;

    static BrokeredIdentityContext context(Map<String, ?> idTokenClaims, String userInfoJson) {
        IdentityProviderModel provider = new IdentityProviderModel();
        provider.setAlias("logingov");
        provider.setProviderId(ProviderType.ID);
        provider.setEnabled(true);
        BrokeredIdentityContext context = new BrokeredIdentityContext("b2d2d115-1d7e-4579-b9d6-f8e84f4f56ca", provider);
        if (idTokenClaims != null) {
            JsonWebToken idToken = new JsonWebToken();
            idToken.subject("b2d2d115-1d7e-4579-b9d6-f8e84f4f56ca");
            idTokenClaims.forEach(idToken::setOtherClaims);
            context.getContextData().put(OIDCIdentityProvider.VALIDATED_ID_TOKEN, idToken);
        }
        if (userInfoJson != null) {
            try {
                JsonNode userInfo = JsonSerialization.readValue(userInfoJson, JsonNode.class);
                context.getContextData().put(OIDCIdentityProvider.USER_INFO, userInfo);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return context;
    }

    @Nested
    class Verdict {
        @Test
        void an_existing_account_keeping_its_email_is_left_alone() {
            for (boolean onlyThisProvider : new boolean[] {true, false}) {
                for (Boolean verified : new Boolean[] {true, false, ABSENT}) {
                    assertEquals(
                            Optional.empty(),
                            EmailVerifiedPolicy.verdict(false, false, onlyThisProvider, verified),
                            "only this provider: " + onlyThisProvider + ", verified: " + verified);
                }
            }
        }

        @Test
        void an_account_others_can_sign_in_to_gets_a_new_email_unverified() {
            for (Boolean verified : new Boolean[] {true, false, ABSENT}) {
                assertEquals(
                        Optional.of(false),
                        EmailVerifiedPolicy.verdict(false, true, false, verified),
                        "verified: " + verified);
            }
        }

        @Test
        void an_account_only_this_provider_signs_in_to_takes_login_gov_flag_with_a_new_email() {
            assertEquals(Optional.of(true), EmailVerifiedPolicy.verdict(false, true, true, true));
            assertEquals(Optional.of(false), EmailVerifiedPolicy.verdict(false, true, true, false));
        }

        @Test
        void an_absent_flag_is_unverified() {
            assertEquals(Optional.of(false), EmailVerifiedPolicy.verdict(false, true, true, ABSENT));
            assertEquals(Optional.of(false), EmailVerifiedPolicy.verdict(true, true, false, ABSENT));
        }

        @Test
        void a_new_account_takes_login_gov_flag() {
            assertEquals(Optional.of(true), EmailVerifiedPolicy.verdict(true, true, false, true));
            assertEquals(Optional.of(false), EmailVerifiedPolicy.verdict(true, true, false, false));
        }

        @Test
        void a_new_account_takes_login_gov_flag_whatever_the_other_answers() {
            for (boolean emailChanges : new boolean[] {true, false}) {
                for (boolean onlyThisProvider : new boolean[] {true, false}) {
                    String what = "email changes: " + emailChanges + ", only this provider: " + onlyThisProvider;
                    assertEquals(
                            Optional.of(true),
                            EmailVerifiedPolicy.verdict(true, emailChanges, onlyThisProvider, true),
                            what);
                    assertEquals(
                            Optional.of(false),
                            EmailVerifiedPolicy.verdict(true, emailChanges, onlyThisProvider, false),
                            what);
                }
            }
        }
    }

    @Nested
    class FlagBesideTheEmail {
        @Test
        void userinfo_holding_the_email_gives_its_own_flag() {
            assertEquals(
                    true,
                    EmailVerifiedPolicy.emailVerifiedBesideEmail(
                            context(Map.of(), "{\"email\": \"a@example.gov\", \"email_verified\": true}")));
            assertEquals(
                    false,
                    EmailVerifiedPolicy.emailVerifiedBesideEmail(
                            context(Map.of(), "{\"email\": \"a@example.gov\", \"email_verified\": false}")));
        }

        @Test
        void userinfo_holding_the_email_wins_over_the_id_token_flag() {
            assertEquals(
                    false,
                    EmailVerifiedPolicy.emailVerifiedBesideEmail(context(
                            Map.of("email_verified", true),
                            "{\"email\": \"a@example.gov\", \"email_verified\": false}")));
        }

        @Test
        void userinfo_holding_the_email_without_a_flag_gives_none_even_if_the_id_token_has_one() {
            assertNull(EmailVerifiedPolicy.emailVerifiedBesideEmail(context(
                    Map.of("email", "a@example.gov", "email_verified", true), "{\"email\": \"a@example.gov\"}")));
        }

        @Test
        void a_userinfo_flag_that_is_not_a_boolean_gives_none() {
            assertNull(EmailVerifiedPolicy.emailVerifiedBesideEmail(
                    context(Map.of(), "{\"email\": \"a@example.gov\", \"email_verified\": \"true\"}")));
            assertNull(EmailVerifiedPolicy.emailVerifiedBesideEmail(
                    context(Map.of(), "{\"email\": \"a@example.gov\", \"email_verified\": null}")));
        }

        @Test
        void userinfo_without_the_email_leaves_the_id_token_flag() {
            assertEquals(
                    true,
                    EmailVerifiedPolicy.emailVerifiedBesideEmail(context(
                            Map.of("email", "a@example.gov", "email_verified", true), "{\"email_verified\": false}")));
        }

        @Test
        void a_json_null_email_in_userinfo_leaves_the_id_token_flag() {
            assertEquals(
                    false,
                    EmailVerifiedPolicy.emailVerifiedBesideEmail(context(
                            Map.of("email", "a@example.gov", "email_verified", false),
                            "{\"email\": null, \"email_verified\": true}")));
        }

        @Test
        void without_userinfo_the_id_token_flag_is_read() {
            assertEquals(
                    true, EmailVerifiedPolicy.emailVerifiedBesideEmail(context(Map.of("email_verified", true), null)));
            assertEquals(
                    false,
                    EmailVerifiedPolicy.emailVerifiedBesideEmail(context(Map.of("email_verified", false), null)));
        }

        @Test
        void an_id_token_flag_that_is_not_a_boolean_gives_none() {
            assertNull(EmailVerifiedPolicy.emailVerifiedBesideEmail(context(Map.of("email_verified", "true"), null)));
        }

        @Test
        void no_flag_anywhere_gives_none() {
            assertNull(EmailVerifiedPolicy.emailVerifiedBesideEmail(context(Map.of("email", "a@example.gov"), null)));
            assertNull(EmailVerifiedPolicy.emailVerifiedBesideEmail(context(Map.of(), "{\"sub\": \"x\"}")));
            assertNull(EmailVerifiedPolicy.emailVerifiedBesideEmail(context(null, null)));
        }
    }
}
