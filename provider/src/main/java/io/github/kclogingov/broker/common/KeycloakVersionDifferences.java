package io.github.kclogingov.broker.common;

import java.util.List;
import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.keys.PublicKeyLoader;
import org.keycloak.keys.PublicKeyStorageProvider;
import org.keycloak.keys.PublicKeyStorageUtils;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Where Keycloak's API differs between the versions this provider is tested on, 26.5.6 and 26.7.3
 * (the README's "Supported Keycloak versions"), and how each difference is met. The provider is
 * compiled against 26.7.3 and the same JAR runs on both; each entry below was found by compiling
 * the provider against each distribution's own JARs and by running the integration suite on both.
 * Look here first when a Keycloak version is added.
 *
 * <ol>
 *   <li><b>An upstream signing key by {@code kid}.</b> {@code PublicKeyStorageManager
 *       .getIdentityProviderKeyWrapper(session, realm, config, kid, alg)} is in 26.7.3 and not in
 *       26.5.6 (which has only the overload taking a {@code JWSInput}); called on 26.5.6 it fails
 *       with {@code NoSuchMethodError}. Met by {@link #upstreamKey} and {@link #upstreamKeys},
 *       which go to the key cache the way both versions do themselves.
 *   <li><b>Token retrieval with the user session</b> ({@code IdentityProvider.retrieveToken(session,
 *       identity, userSession, user)}, identity-brokering API v2): abstract since 26.6, absent in
 *       26.5.6, where only {@code retrieveToken(session, identity)} exists. The provider overrides
 *       both with the same refusal; 26.5.6 never calls the second.
 *   <li><b>Tokens in the user session</b> ({@code OIDCIdentityProviderConfig.isStoreTokenInSession()}):
 *       in 26.7.3, absent in 26.5.6. Pinned to {@code false}; 26.5.6 never calls it and keeps
 *       upstream tokens in the session only from {@code authenticationFinished}, which the provider
 *       overrides in both versions without calling the parent.
 * </ol>
 *
 * <p>Behaviour the provider leaves to Keycloak that differs: a callback without {@code state} (or
 * with neither code nor error) is answered by Keycloak's own broker endpoint, with the same page and
 * event in both, but HTTP 502 in 26.5.6 and 400 in 26.7.3.
 *
 * <p>What is the same in both and was checked for the provider's own timeouts on calls to Login.gov
 * (issue 12): {@code SimpleHttp.withRequestConfig(RequestConfig)} and {@code SimpleHttpRequest}'s
 * {@code getUrl}, {@code getHeaders}, {@code getParams}, {@code getEntity} (26.7.3 adds only {@code
 * SimpleHttp.withObjectMapper} and {@code SimpleHttpRequest.getMethod}, which are not used); {@code
 * PublicKeyLoader} and {@code PublicKeyStorageProvider.getPublicKey/getKeys}, and the cache's wrapping
 * of a loader's failure in a {@code RuntimeException}; Keycloak's own JWKS fetch through the global
 * {@code HttpClientProvider}, whose defaults are a 5000 ms socket timeout and no connect timeout; and
 * {@code AuthenticationCallback.error}, which shows the login page again with the message. Checked
 * for issue 18 (a total deadline per call, a refetch when cached keys fail a token): {@code
 * HttpClientProvider.getHttpClient} and {@code getMaxConsumedResponseSize}, {@code
 * PublicKeyStorageProvider.reloadKeys(modelKey, loader)} with its minimum interval, and Apache
 * HttpClient's default retry handler (Keycloak's client sets none of its own, and no retry on a
 * status such as 429).
 *
 * <p>What is the same in both and was checked: the {@code keycloak.v2} login theme's {@code
 * social-providers.ftl}, which the {@code logingov} theme replaces, is identical; the
 * {@code keycloak.v3} account theme loads the theme's {@code scripts} as modules in both.
 */
public final class KeycloakVersionDifferences {

    private KeycloakVersionDifferences() {}

    /**
     * The identity provider's key {@code kid} for {@code algorithm} from its JWKS, through Keycloak's
     * node-local key cache (a miss refetches at most once per its minimum interval), or null. The
     * same cache entry as {@code PublicKeyStorageManager} uses for a provider whose JWKS URL is used,
     * so both share one cached JWKS (see item 1); {@code loader} fetches it when the cache must.
     */
    public static KeyWrapper upstreamKey(
            KeycloakSession session,
            RealmModel realm,
            OIDCIdentityProviderConfig provider,
            String kid,
            String algorithm,
            PublicKeyLoader loader) {
        return keyStorage(session).getPublicKey(cacheKey(realm, provider), kid, algorithm, loader);
    }

    /** Every cached key of the identity provider, loaded only when the cache has none or they are stale. */
    public static List<KeyWrapper> upstreamKeys(
            KeycloakSession session, RealmModel realm, OIDCIdentityProviderConfig provider, PublicKeyLoader loader) {
        return keyStorage(session).getKeys(cacheKey(realm, provider), loader);
    }

    /**
     * Fetches the identity provider's keys again unless the cache fetched them within its minimum
     * interval; true when it did. {@code PublicKeyStorageProvider.reloadKeys(modelKey, loader)} is
     * in both versions, with the same interval check.
     */
    public static boolean refetchUpstreamKeys(
            KeycloakSession session, RealmModel realm, OIDCIdentityProviderConfig provider, PublicKeyLoader loader) {
        return keyStorage(session).reloadKeys(cacheKey(realm, provider), loader);
    }

    private static PublicKeyStorageProvider keyStorage(KeycloakSession session) {
        return session.getProvider(PublicKeyStorageProvider.class);
    }

    private static String cacheKey(RealmModel realm, OIDCIdentityProviderConfig provider) {
        return PublicKeyStorageUtils.getIdpModelCacheKey(realm.getId(), provider.getInternalId());
    }
}
