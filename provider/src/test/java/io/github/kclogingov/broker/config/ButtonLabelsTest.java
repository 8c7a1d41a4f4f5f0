package io.github.kclogingov.broker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.kclogingov.broker.common.ProviderType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.keycloak.models.IdentityProviderModel;

class ButtonLabelsTest {

    private static IdentityProviderModel provider(String type, String alias, String displayName) {
        IdentityProviderModel model = new IdentityProviderModel();
        model.setProviderId(type);
        model.setAlias(alias);
        model.setDisplayName(displayName);
        return model;
    }

    private static Stream<IdentityProviderModel> realm() {
        return Stream.of(
                provider(ProviderType.ID, "logingov", "Login.gov"),
                provider(ProviderType.ID, "logingov-sandbox", "sandbox"),
                provider(ProviderType.ID, "unnamed", null),
                provider("oidc", "other-idp", "sandbox"));
    }

    @Test
    void another_login_gov_provider_with_the_same_display_name_is_named() {
        assertEquals(List.of("logingov-sandbox"), ButtonLabels.sharingTheLabel("staff", " sandbox ", realm()));
    }

    @Test
    void a_blank_display_name_reads_as_login_gov() {
        assertEquals(List.of("logingov", "unnamed"), ButtonLabels.sharingTheLabel("new", "", realm()));
    }

    @Test
    void the_provider_itself_and_other_provider_types_do_not_count() {
        assertEquals(List.of(), ButtonLabels.sharingTheLabel("logingov-sandbox", "sandbox", realm()));
        assertEquals(List.of(), ButtonLabels.sharingTheLabel("staff", "Staff", realm()));
    }

    @Test
    void without_a_request_nothing_is_checked_and_nothing_fails() {
        ButtonLabels.warnIfShared("logingov", "Login.gov");
    }
}
