package io.github.kclogingov.broker.signals;

/** What the receiver did about one security event: the {@code logingov_action} detail of its Keycloak event. */
enum Outcome {
    USER_DISABLED("user-disabled-and-signed-out"),
    ALREADY_DISABLED("already-disabled-signed-out"),
    USER_ENABLED("user-enabled"),
    LEFT_DISABLED("left-disabled-not-disabled-by-login-gov"),
    ALREADY_ENABLED("already-enabled"),
    LINK_REMOVED("signed-out-and-unlinked"),
    LINK_REMOVED_USER_DISABLED("signed-out-unlinked-and-disabled-no-other-sign-in"),
    SESSIONS_ENDED("signed-out"),
    REFRESH_AT_NEXT_SIGN_IN("refresh-at-next-sign-in"),
    LOGGED("logged-only"),
    NO_LINKED_USER("no-linked-user"),
    EMAIL_SUBJECT("ignored-email-subject"),
    UNKNOWN_SUBJECT_FORMAT("ignored-unknown-subject-format"),
    UNKNOWN_EVENT("ignored-unknown-event"),
    DUPLICATE("duplicate-already-handled");

    private final String detail;

    Outcome(String detail) {
        this.detail = detail;
    }

    String detail() {
        return detail;
    }
}
