package io.github.kclogingov.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST simulator/admin/jwks}: sets the {@link JwksOptions} over HTTP; a parameter left out
 * keeps its value: {@code unknownKeyTypes}, {@code singleKey}, {@code kidlessSingleKey}, {@code
 * withholdSigningKey}, {@code shuffleMembers} ({@code true|false}) and {@code members} ({@code
 * usual|minimal|all}).
 */
final class JwksAdminEndpoint implements HttpHandler {
    static final String UNKNOWN_KEY_TYPES = "unknownKeyTypes";
    static final String SINGLE_KEY = "singleKey";
    static final String KIDLESS_SINGLE_KEY = "kidlessSingleKey";
    static final String WITHHOLD_SIGNING_KEY = "withholdSigningKey";
    static final String SHUFFLE_MEMBERS = "shuffleMembers";
    static final String MEMBERS = "members";

    private static final System.Logger LOG = System.getLogger(JwksAdminEndpoint.class.getName());

    private final JwksOptions options;

    JwksAdminEndpoint(JwksOptions options) {
        this.options = options;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Optional<Boolean> unknownKeyTypes;
        Optional<Boolean> singleKey;
        Optional<Boolean> kidless;
        Optional<Boolean> withhold;
        Optional<Boolean> shuffle;
        Optional<JwksOptions.Members> members;
        try {
            AdminForm form = AdminForm.read(
                    exchange,
                    Set.of(
                            UNKNOWN_KEY_TYPES,
                            SINGLE_KEY,
                            KIDLESS_SINGLE_KEY,
                            WITHHOLD_SIGNING_KEY,
                            SHUFFLE_MEMBERS,
                            MEMBERS));
            unknownKeyTypes = form.flag(UNKNOWN_KEY_TYPES);
            singleKey = form.flag(SINGLE_KEY);
            kidless = form.flag(KIDLESS_SINGLE_KEY);
            withhold = form.flag(WITHHOLD_SIGNING_KEY);
            shuffle = form.flag(SHUFFLE_MEMBERS);
            members = form.constant(MEMBERS, JwksOptions.Members.class);
        } catch (AdminForm.Invalid e) {
            HttpExchanges.sendJson(exchange, 400, Map.of("error", e.getMessage()));
            return;
        }
        unknownKeyTypes.ifPresent(options::publishUnknownKeyTypes);
        singleKey.ifPresent(options::publishSingleKey);
        kidless.ifPresent(options::publishKidlessSingleKey);
        withhold.ifPresent(options::withholdSigningKey);
        shuffle.ifPresent(options::shuffleMembers);
        members.ifPresent(options::members);
        LOG.log(
                Level.INFO,
                "admin: JWKS unknownKeyTypes={0}, singleKey={1}, kidlessSingleKey={2}, withholdSigningKey={3},"
                        + " members={4}, shuffled={5}",
                options.unknownKeyTypes(),
                options.singleKey(),
                options.kidlessSingleKey(),
                options.withoutSigningKey(),
                options.members(),
                options.shuffledMembers());
        HttpExchanges.noContent(exchange);
    }
}
