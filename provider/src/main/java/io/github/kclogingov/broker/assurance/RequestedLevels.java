package io.github.kclogingov.broker.assurance;

import io.github.kclogingov.broker.common.FailureCode;
import io.github.kclogingov.broker.common.LoginGovLoginException;
import io.github.kclogingov.protocol.AcrValues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.utils.AcrUtils;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's side of assurance for one authentication: the level of authentication (LoA) the
 * application asked for, through {@code acr_values}, an essential {@code acr} claim or its client's
 * default acr, and the acr names behind it in the realm's (or client's) acr-to-LoA map.
 *
 * <p>Keycloak orders levels by number only. Login.gov has two axes, so numbers cannot say whether
 * one level meets another; this class translates names into Login.gov levels and compares those,
 * and uses numbers only to talk to Keycloak.
 */
public final class RequestedLevels {

    private final Map<String, Integer> acrLoaMap;
    private final List<String> requestedNames;
    private final int requestedLoa;

    RequestedLevels(Map<String, Integer> acrLoaMap, List<String> requestedNames, int requestedLoa) {
        this.acrLoaMap = acrLoaMap;
        this.requestedNames = requestedNames;
        this.requestedLoa = requestedLoa;
    }

    /** What the authentication in progress asks for, as Keycloak recorded it from the application's request. */
    public static RequestedLevels of(AuthenticationSessionModel authSession) {
        ClientModel client = authSession.getClient();
        String claims = authSession.getClientNote(OIDCLoginProtocol.CLAIMS_PARAM);
        List<String> names = AcrUtils.getRequiredAcrValues(claims);
        if (names.isEmpty()) {
            names = AcrUtils.getAcrValues(claims, authSession.getClientNote(OIDCLoginProtocol.ACR_PARAM), client);
        }
        String loa = authSession.getClientNote(Constants.REQUESTED_LEVEL_OF_AUTHENTICATION);
        int requested = Constants.NO_LOA;
        if (loa != null) {
            try {
                requested = Integer.parseInt(loa);
            } catch (NumberFormatException e) {
                requested = Constants.NO_LOA;
            }
        }
        return new RequestedLevels(AcrUtils.getAcrLoaMap(client), names, requested);
    }

    /**
     * What to send to Login.gov: the requested level raised to the provider's default level, or
     * the default level when nothing was asked.
     *
     * @throws LoginGovLoginException when the request cannot be sent: no Login.gov level is named for
     *     it, or it needs identity verification this provider's registration does not permit
     */
    public AcrValues loginGovLevel(LevelPolicy policy) {
        AcrValues floor = policy.floor();
        AcrValues level = requestedLevel(policy.names())
                .map(requested -> requested.atLeast(floor))
                .orElse(floor);
        if (!policy.registration().permits(level.ial())) {
            throw new LoginGovLoginException(
                    FailureCode.REQUEST_NOT_PERMITTED,
                    "the application asked for " + level.ialValue() + ", which needs a Login.gov "
                            + "registration with identity verification; this provider is registered for authentication only");
        }
        return level;
    }

    /** True when the application asked for a level above Keycloak's minimum. */
    boolean anyRequested() {
        return requestedLoa > Constants.MINIMUM_LOA;
    }

    /**
     * The Login.gov level for the requested LoA: a requested name at that number which is a
     * Login.gov level, else any name at that number, else the nearest named level above it (never
     * below what was asked). Empty when nothing was asked.
     *
     * @throws LoginGovLoginException when no Login.gov level is named at or above the requested LoA
     */
    Optional<AcrValues> requestedLevel(AssuranceNames names) {
        if (!anyRequested()) {
            return Optional.empty();
        }
        for (String name : requestedNames) {
            Integer loa = loaOf(name);
            Optional<AcrValues> level = names.levelFor(name);
            if (loa != null && loa == requestedLoa && level.isPresent()) {
                return level;
            }
        }
        TreeMap<Integer, AcrValues> byLoa = namedLevelsByLoa(names);
        Map.Entry<Integer, AcrValues> nearest = byLoa.ceilingEntry(requestedLoa);
        if (nearest == null) {
            throw new LoginGovLoginException(
                    FailureCode.REQUEST_NOT_PERMITTED,
                    "the application asked for level of authentication " + requestedLoa
                            + " (" + String.join(" ", requestedNames)
                            + "), and no Login.gov level is named for it in the realm's "
                            + "acr-to-LoA map");
        }
        return Optional.of(nearest.getValue());
    }

    /**
     * The LoA Keycloak should record for a sign-in Login.gov asserted at {@code asserted}: the
     * highest-numbered name among those requested (else among all names in the map) whose Login.gov
     * level the assertion meets. Keycloak's acr mapper then puts that very name in the tokens.
     * Empty when no name is met, and Keycloak keeps its default.
     */
    public OptionalInt achievedLoa(AssertedLevel asserted, AssuranceNames names) {
        return achievedLoa(asserted, names, level -> true);
    }

    /**
     * As {@link #achievedLoa(AssertedLevel, AssuranceNames)}, for single sign-on from an earlier
     * assertion: a name counts only if {@code reusable} accepts its Login.gov level, so that the
     * token never names a level that a request for it would send back to Login.gov (an assertion
     * past its axis's reuse limit).
     */
    public OptionalInt achievedLoa(AssertedLevel asserted, AssuranceNames names, Predicate<AcrValues> reusable) {
        List<String> candidates = new ArrayList<>(requestedNames);
        OptionalInt fromRequest = highestMet(candidates, asserted, names, reusable);
        if (fromRequest.isPresent()) {
            return fromRequest;
        }
        if (anyRequested()) {
            // The request was met (it was checked) through the nearest level above it.
            return OptionalInt.of(requestedLoa);
        }
        return highestMet(new ArrayList<>(acrLoaMap.keySet()), asserted, names, reusable);
    }

    private OptionalInt highestMet(
            List<String> candidates, AssertedLevel asserted, AssuranceNames names, Predicate<AcrValues> reusable) {
        return candidates.stream()
                .filter(name -> loaOf(name) != null)
                .filter(name -> names.levelFor(name)
                        .filter(asserted::meets)
                        .filter(reusable)
                        .isPresent())
                .mapToInt(this::loaOf)
                .max();
    }

    private TreeMap<Integer, AcrValues> namedLevelsByLoa(AssuranceNames names) {
        TreeMap<Integer, AcrValues> byLoa = new TreeMap<>();
        acrLoaMap.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(entry ->
                        names.levelFor(entry.getKey()).ifPresent(level -> byLoa.putIfAbsent(entry.getValue(), level)));
        return byLoa;
    }

    private Integer loaOf(String name) {
        Integer loa = acrLoaMap.get(name);
        if (loa != null) {
            return loa;
        }
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
