package io.github.kclogingov.broker.metrics;

/** Tag keys more than one meter uses, spelled once. */
final class TagKeys {

    static final String REALM = "realm";
    static final String ALIAS = "alias";
    static final String OUTCOME = "outcome";

    private TagKeys() {}
}
