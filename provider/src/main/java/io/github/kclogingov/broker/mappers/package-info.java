/**
 * Identity provider mappers for Login.gov claims, offered only for the {@code login.gov}
 * provider type: a Login.gov flavour of Keycloak's attribute importer, an address splitter and a
 * Social Security number importer. Each warns (names only, never values) when the realm's user
 * profile does not keep the attribute it writes.
 */
package io.github.kclogingov.broker.mappers;
