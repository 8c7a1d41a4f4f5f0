package io.github.kclogingov.simulator;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.kclogingov.protocol.LoginGovClaims;
import java.util.LinkedHashMap;
import java.util.Map;

/** The text of a userinfo answer: the released claims as JSON, with the defect of an optional {@link UserinfoFault}. */
final class UserinfoAnswer {
    /** The number {@link UserinfoFault#SUB_NOT_STRING} sends as {@code sub}. */
    static final long NUMERIC_SUB = 1_234_567_890L;

    private UserinfoAnswer() {}

    static String text(Map<String, Object> released, String clientId, UserinfoFault fault) {
        if (fault == null) {
            return JSONObjectUtils.toJSONString(released);
        }
        Map<String, Object> claims = new LinkedHashMap<>(released);
        switch (fault) {
            case DIFFERENT_SUB -> claims.put(LoginGovClaims.SUB, Grant.pairwiseSubject("someone-else", clientId));
            case MISSING_SUB -> claims.remove(LoginGovClaims.SUB);
            case SUB_NOT_STRING -> claims.put(LoginGovClaims.SUB, NUMERIC_SUB);
            case OVERSIZED -> claims.put(HostileJson.OVERSIZED_MEMBER, HostileJson.filler(HostileJson.OVERSIZED_CHARS));
            case LONG_STRING ->
                claims.put(LoginGovClaims.GIVEN_NAME, HostileJson.filler(HostileJson.LONG_STRING_CHARS));
            case DEEPLY_NESTED -> {
                return HostileJson.withRawMember(
                        claims, HostileJson.NESTED_MEMBER, HostileJson.nestedArrays(HostileJson.NESTING_DEPTH));
            }
            case HOSTILE_VERIFIED_AT -> {
                return HostileJson.withRawMember(claims, LoginGovClaims.VERIFIED_AT, HostileJson.HUGE_NUMBER);
            }
        }
        return JSONObjectUtils.toJSONString(claims);
    }
}
