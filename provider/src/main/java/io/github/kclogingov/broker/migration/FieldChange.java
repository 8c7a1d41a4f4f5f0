package io.github.kclogingov.broker.migration;

/**
 * One line of the plan's configuration part: a setting, its value on the stock provider, its value
 * on the Login.gov provider, and why (null when the value is carried over as it is).
 */
public record FieldChange(String field, String from, String to, String note) {}
