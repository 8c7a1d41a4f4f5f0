package io.github.kclogingov.broker.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The problems found in one save of a Login.gov provider, each naming the field it is about as the
 * admin console labels it ({@link SettingLabels}), reported together in one refusal: an
 * administrator fixes every field at once instead of meeting them one per save.
 */
final class SettingProblems {

    private record Problem(String key, String text) {}

    private final List<Problem> problems = new ArrayList<>();

    /** Records that the field stored under {@code key} cannot work; {@code whatToDo} says why and what to do. */
    void add(String key, String whatToDo) {
        problems.add(new Problem(key, SettingLabels.of(key) + ": " + whatToDo));
    }

    /** Records a refusal whose text already starts with the field's label (the key checks' messages). */
    void addNamed(String key, String text) {
        problems.add(new Problem(key, text));
    }

    /** Runs one check, recording its refusal under {@code key} instead of stopping at it. */
    void check(String key, Runnable check) {
        try {
            check.run();
        } catch (InvalidSettingsException refused) {
            add(key, refused.getMessage());
        }
    }

    /** True when a field among {@code keys} already has a problem: rules built on it would only add noise. */
    boolean concern(String... keys) {
        List<String> asked = Arrays.asList(keys);
        return problems.stream().anyMatch(problem -> asked.contains(problem.key()));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** @throws InvalidSettingsException naming every problem, numbered, when there is at least one */
    void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        if (problems.size() == 1) {
            throw new InvalidSettingsException(problems.get(0).text());
        }
        StringBuilder message = new StringBuilder(problems.size() + " Login.gov settings need a change:");
        for (int i = 0; i < problems.size(); i++) {
            message.append(" (")
                    .append(i + 1)
                    .append(") ")
                    .append(problems.get(i).text());
        }
        throw new InvalidSettingsException(message.toString());
    }
}
