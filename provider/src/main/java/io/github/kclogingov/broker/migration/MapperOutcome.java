package io.github.kclogingov.broker.migration;

import java.util.Map;

/**
 * What the migration does with one mapper of the stock provider.
 *
 * @param name the mapper's name
 * @param type its type before
 * @param outcome converted, kept or unconvertible
 * @param newType the Login.gov mapper type it becomes (converted only)
 * @param newConfig the converted mapper's configuration (converted only)
 * @param note why, in a sentence for the administrator
 */
public record MapperOutcome(
        String name, String type, Outcome outcome, String newType, Map<String, String> newConfig, String note) {

    public enum Outcome {
        /** Replaced by this extension's mapper for the same claim, with the same user attribute. */
        CONVERTED,
        /** Left as it is: it works with any provider type. */
        KEPT,
        /** No equivalent: the migration stops unless the administrator names it to be dropped. */
        UNCONVERTIBLE
    }

    static MapperOutcome converted(
            StockProvider.StockMapper mapper, String newType, Map<String, String> newConfig, String note) {
        return new MapperOutcome(mapper.name(), mapper.type(), Outcome.CONVERTED, newType, Map.copyOf(newConfig), note);
    }

    static MapperOutcome kept(StockProvider.StockMapper mapper) {
        return new MapperOutcome(
                mapper.name(),
                mapper.type(),
                Outcome.KEPT,
                null,
                null,
                "works with any identity provider; kept as it is");
    }

    static MapperOutcome unconvertible(StockProvider.StockMapper mapper, String note) {
        return new MapperOutcome(mapper.name(), mapper.type(), Outcome.UNCONVERTIBLE, null, null, note);
    }
}
