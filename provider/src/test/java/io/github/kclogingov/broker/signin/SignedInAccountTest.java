package io.github.kclogingov.broker.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kclogingov.broker.common.FailureCode;
import org.junit.jupiter.api.Test;

class SignedInAccountTest {

    private static final String SIGNED_IN_USER = "user-1";
    private static final String OTHER_USER = "user-2";

    @Test
    void the_account_linked_to_the_signed_in_user_is_the_same_account() {
        assertFalse(SignedInAccount.isAnotherAccount(SIGNED_IN_USER, "sub-a", SIGNED_IN_USER, "sub-a"));
    }

    @Test
    void a_new_subject_for_a_user_linked_to_another_subject_is_another_account() {
        assertTrue(SignedInAccount.isAnotherAccount(SIGNED_IN_USER, "sub-a", null, "sub-b"));
    }

    @Test
    void a_subject_linked_to_another_user_is_another_account() {
        assertTrue(SignedInAccount.isAnotherAccount(SIGNED_IN_USER, "sub-a", OTHER_USER, "sub-b"));
        assertTrue(SignedInAccount.isAnotherAccount(SIGNED_IN_USER, null, OTHER_USER, "sub-b"));
    }

    @Test
    void a_signed_in_user_without_a_link_answered_for_an_unknown_subject_is_left_to_keycloak() {
        assertFalse(SignedInAccount.isAnotherAccount(SIGNED_IN_USER, null, null, "sub-b"));
    }

    @Test
    void the_refusal_names_no_subject_and_has_its_own_code() {
        SignedInAccount.AnotherAccountException refusal = new SignedInAccount.AnotherAccountException();

        assertEquals(FailureCode.ANOTHER_ACCOUNT, refusal.code());
        assertTrue(refusal.getMessage().contains("another account"), refusal.getMessage());
    }
}
