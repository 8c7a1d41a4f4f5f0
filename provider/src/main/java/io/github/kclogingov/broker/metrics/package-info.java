/**
 * The provider's own meters, in Micrometer's global registry as Keycloak's own meters are (a
 * provider gets no CDI): Keycloak shows them on its management port's {@code /metrics} when started
 * with {@code --metrics-enabled=true}, and they cost a no-op otherwise. Every tag value comes from
 * a fixed set (codes, level names, endpoint names) or names a realm and a provider that exist, so
 * no request can make a new series. The operator docs ({@code docs/operators.md}, "Meters") list
 * each meter with its tags.
 */
package io.github.kclogingov.broker.metrics;
