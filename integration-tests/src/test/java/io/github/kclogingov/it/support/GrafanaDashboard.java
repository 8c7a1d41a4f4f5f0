package io.github.kclogingov.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shipped Grafana dashboard ({@code docs/operations/grafana/logingov-dashboard.json}) as a
 * test reads it without Grafana: every panel's queries, its template variables, and the queries
 * with the variables filled the way Grafana would fill them before asking Prometheus.
 */
public final class GrafanaDashboard {

    /** One query of one panel, as written in the dashboard. */
    public record Target(String panel, String refId, String expr, JsonNode datasource) {}

    /** A {@code label_values(selector, label)} variable: the label's values on the series the selector matches. */
    public record LabelValuesVariable(String name, String selector, String label) {}

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");

    private final JsonNode dashboard;

    private GrafanaDashboard(JsonNode dashboard) {
        this.dashboard = dashboard;
    }

    public static Path file() {
        return Path.of(System.getProperty("logingov.operationsDocs", "../docs/operations"))
                .resolve("grafana/logingov-dashboard.json");
    }

    public static GrafanaDashboard shipped() {
        try {
            return new GrafanaDashboard(new ObjectMapper().readTree(file().toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file().toAbsolutePath(), e);
        }
    }

    public JsonNode json() {
        return dashboard;
    }

    /** Every panel that is not a row, rows' own panels included. */
    public List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> {
            if ("row".equals(panel.path("type").asText())) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        });
        return panels;
    }

    public List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        for (JsonNode panel : panels()) {
            panel.path("targets")
                    .forEach(target -> targets.add(new Target(
                            panel.path("title").asText(),
                            target.path("refId").asText(),
                            target.path("expr").asText(),
                            target.path("datasource"))));
        }
        return targets;
    }

    /** The template variables of type {@code query}, each a {@code label_values(...)}. */
    public List<LabelValuesVariable> labelValuesVariables() {
        List<LabelValuesVariable> variables = new ArrayList<>();
        dashboard.path("templating").path("list").forEach(variable -> {
            if (!"query".equals(variable.path("type").asText())) {
                return;
            }
            JsonNode query = variable.path("query");
            String text = query.isObject() ? query.path("query").asText() : query.asText();
            Matcher matcher = LABEL_VALUES.matcher(text);
            if (!matcher.matches()) {
                throw new AssertionError("variable " + variable.path("name") + " is not label_values(...): " + text);
            }
            variables.add(new LabelValuesVariable(
                    variable.path("name").asText(), matcher.group(1).trim(), matcher.group(2)));
        });
        return variables;
    }

    /**
     * {@code expr} with Grafana's variables replaced: {@code values} for the dashboard's own
     * ({@code $realm} or {@code ${realm}}), and {@code interval} for {@code $__rate_interval},
     * {@code $__interval} and {@code $__range}. A variable left over fails.
     */
    public static String fill(String expr, Map<String, String> values, String interval) {
        Map<String, String> all = new LinkedHashMap<>(values);
        all.put("__rate_interval", interval);
        all.put("__interval", interval);
        all.put("__range", interval);
        String filled = expr;
        for (Map.Entry<String, String> variable : all.entrySet()) {
            filled = filled.replace("${" + variable.getKey() + "}", variable.getValue())
                    .replace("$" + variable.getKey(), variable.getValue());
        }
        if (filled.contains("$")) {
            throw new AssertionError("a variable is left in " + filled);
        }
        return filled;
    }
}
