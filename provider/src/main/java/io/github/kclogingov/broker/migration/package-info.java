/**
 * Moving an agency's stock OpenID Connect provider that points at Login.gov to a Login.gov provider
 * of this extension, in place: same alias, same users' links, mappers converted where an
 * equivalent exists. {@link io.github.kclogingov.broker.migration.MigrationPlanner} decides
 * everything from plain values (unit-tested); {@link io.github.kclogingov.broker.migration.MigrationResource}
 * serves it to administrators and {@link io.github.kclogingov.broker.migration.MigrationApply}
 * carries it out. docs/migration.md is the administrator's guide.
 */
package io.github.kclogingov.broker.migration;
