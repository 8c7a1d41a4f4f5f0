package io.github.kclogingov.broker.keys;

import io.github.kclogingov.broker.common.ProviderType;
import io.github.kclogingov.broker.metrics.CertificateExpiryGauges;
import io.github.kclogingov.broker.metrics.CertificateExpiryGauges.Provider;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.timer.ScheduledTask;

/**
 * Reads the expiry of every Login.gov provider's client assertion certificate into its gauge
 * ({@link CertificateExpiryGauges}), on each node every {@link #INTERVAL_MILLIS}: a certificate
 * rotated, a key removed, a provider deleted show within that time. A provider's first use on a
 * node reads its own at once ({@link #readIfUnknown}), so a new provider does not wait for the timer.
 * A realm or provider that cannot be read is skipped with one line in the log: this runs on a timer
 * thread and must never stop.
 */
public final class CertificateExpiryRefresh implements ScheduledTask {

    public static final long INTERVAL_MILLIS = 30_000;

    public static final String TASK_NAME = "logingov-client-assertion-certificate-expiry";

    private static final Logger LOG = Logger.getLogger(CertificateExpiryRefresh.class);

    private final Function<IdentityProviderModel, Optional<String>> signingKeyId;

    /**
     * @param signingKeyId the kid a provider signs client assertions with; empty for a provider that
     *     signs none (PKCE), which gets no gauge; an empty string when its settings name none it can use
     */
    public CertificateExpiryRefresh(Function<IdentityProviderModel, Optional<String>> signingKeyId) {
        this.signingKeyId = signingKeyId;
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }

    @Override
    public void run(KeycloakSession session) {
        Set<Provider> seen = new HashSet<>();
        List<RealmModel> realms = session.realms().getRealmsStream().toList();
        for (RealmModel realm : realms) {
            try {
                session.getContext().setRealm(realm);
                session.identityProviders()
                        .getAllStream()
                        .filter(model -> ProviderType.ID.equals(model.getProviderId()))
                        .forEach(model -> read(session, realm, model).ifPresent(seen::add));
            } catch (RuntimeException e) {
                LOG.warnf(
                        "Client assertion certificates of realm '%s' not read for the metrics: %s",
                        realm.getName(), e.getClass().getName());
                // Keep what its providers last reported rather than dropping their series.
                seen.addAll(CertificateExpiryGauges.providersOf(realm.getName()));
            }
        }
        CertificateExpiryGauges.retainOnly(seen);
    }

    /** At a provider's use: reads its certificate unless its gauge exists already. */
    public void readIfUnknown(KeycloakSession session, RealmModel realm, IdentityProviderModel model) {
        if (!CertificateExpiryGauges.has(new Provider(realm.getName(), model.getAlias()))) {
            read(session, realm, model);
        }
    }

    private Optional<Provider> read(KeycloakSession session, RealmModel realm, IdentityProviderModel model) {
        Optional<String> kid = signingKeyId.apply(model);
        if (kid.isEmpty()) {
            return Optional.empty();
        }
        Provider provider = new Provider(realm.getName(), model.getAlias());
        CertificateExpiryGauges.set(provider, notAfter(session, realm, kid.get()), Clock.systemUTC());
        return Optional.of(provider);
    }

    /** The certificate's end of validity, if exactly one key of the realm has that kid and it holds a certificate. */
    static Optional<Instant> notAfter(KeycloakSession session, RealmModel realm, String kid) {
        if (kid.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<KeyWrapper> keys = RealmKeys.byKid(session, realm, kid);
            X509Certificate certificate = keys.size() == 1 ? keys.get(0).getCertificate() : null;
            return certificate == null
                    ? Optional.empty()
                    : Optional.of(certificate.getNotAfter().toInstant());
        } catch (RuntimeException e) {
            // A key provider that cannot load its key (a missing keystore file, say): unreadable.
            return Optional.empty();
        }
    }
}
