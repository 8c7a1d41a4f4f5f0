package io.github.kclogingov.broker.mappers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerifiedClaimsTest {

    @Test
    void an_expired_login_gov_session_withholds_them() {
        assertTrue(VerifiedClaims.withheld(Contexts.expiredLoginGovSession()));
    }

    @Test
    void null_in_userinfo_alone_withholds_them() {
        assertTrue(VerifiedClaims.withheld(Contexts.withUserInfo("{\"sub\":\"x\",\"given_name\":null}")));
    }

    @Test
    void one_value_anywhere_is_an_answer() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("given_name", null);
        claims.put("birthdate", "1970-01-02");
        assertFalse(VerifiedClaims.withheld(Contexts.withIdToken(claims)));
        assertFalse(VerifiedClaims.withheld(Contexts.withUserInfo(
                "{\"sub\":\"x\",\"given_name\":null,\"address\":{\"locality\":\"Washington\"}}")));
    }

    @Test
    void none_of_them_asked_for_withholds_nothing() {
        assertFalse(VerifiedClaims.withheld(
                Contexts.withIdToken(Map.of("email", "a@example.gov", "verified_at", 1_709_294_400))));
        assertFalse(VerifiedClaims.withheld(Contexts.empty()));
    }

    @Test
    void a_null_phone_alone_is_no_sign_a_verified_person_may_have_no_phone() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("phone", null);
        claims.put("phone_verified", null);
        assertFalse(VerifiedClaims.withheld(Contexts.withIdToken(claims)));
    }
}
