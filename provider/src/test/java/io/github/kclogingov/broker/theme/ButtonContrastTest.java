package io.github.kclogingov.broker.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The button's colours, read from logingov.css as shipped, against WCAG 2 contrast: text 4.5:1
 * (normal size), the focus ring and the outline border 3:1 (non-text contrast).
 */
class ButtonContrastTest {

    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");
    private static final Pattern DECLARATION = Pattern.compile("(--logingov-[a-z-]+)\\s*:\\s*([^;]+);");
    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{6})");

    @ParameterizedTest
    @ValueSource(
            strings = {
                ".logingov-button--primary",
                ".logingov-button--outline",
                ".logingov-button--light",
                ".pf-v5-theme-dark .logingov-button--primary",
                ".pf-v5-theme-dark .logingov-button--outline"
            })
    void each_variant_has_readable_text_and_a_focus_ring_of_at_least_3_to_1(String selector) throws IOException {
        Map<String, String> colours = coloursOf(selector);
        String bg = colours.get("--logingov-bg");
        String fg = colours.get("--logingov-fg");
        String hover = colours.get("--logingov-hover-bg");
        String ring = colours.get("--logingov-ring");
        String halo = colours.get("--logingov-halo");

        report(selector, "text on background", fg, bg);
        report(selector, "text on hover", fg, hover);
        report(selector, "ring on button", ring, bg);
        report(selector, "ring on halo", ring, halo);
        assertAtLeast(4.5, fg, bg, selector + ": text");
        assertAtLeast(4.5, fg, hover, selector + ": text on hover");
        // The ring lies on its halo (1px inside, 2px outside) and marks the focused button against its unfocused look.
        assertAtLeast(3, ring, halo, selector + ": focus ring against what surrounds it");
        assertAtLeast(3, ring, bg, selector + ": focus ring against the button");
        String border = colours.get("--logingov-border");
        if (!"transparent".equals(border)) {
            report(selector, "border on white page", border, "#ffffff");
            report(selector, "border on background", border, bg);
            assertAtLeast(3, border, "#ffffff", selector + ": border against a white page");
        }
    }

    @Test
    void the_formula_gives_login_gov_s_own_figures() {
        // The reference's figures: 13.7:1 for the dark blue and white, 4.5:1 for the outline's grey.
        assertEquals(13.7, ratio("#112e51", "#ffffff"), 0.1);
        assertEquals(4.5, ratio("#767676", "#ffffff"), 0.05);
        // ...and the reason the dark blue button needs another ring than Login.gov's usual #0071bb.
        assertTrue(ratio("#0071bb", "#112e51") < 3);
    }

    /** The custom properties a rule whose selector list holds {@code selector} sets, as hex or "transparent". */
    private static Map<String, String> coloursOf(String selector) throws IOException {
        String css = ThemeFiles.text("resources/css/logingov.css").replaceAll("(?s)/\\*.*?\\*/", "");
        Map<String, String> colours = new HashMap<>();
        Matcher rule = RULE.matcher(css);
        while (rule.find()) {
            for (String one : rule.group(1).split(",")) {
                if (one.trim().replaceAll("\\s+", " ").equals(selector)) {
                    Matcher declaration = DECLARATION.matcher(rule.group(2));
                    while (declaration.find()) {
                        colours.put(
                                declaration.group(1),
                                declaration.group(2).trim().toLowerCase());
                    }
                }
            }
        }
        for (String name : new String[] {
            "--logingov-bg",
            "--logingov-fg",
            "--logingov-hover-bg",
            "--logingov-border",
            "--logingov-ring",
            "--logingov-halo"
        }) {
            assertNotNull(colours.get(name), () -> selector + " sets no " + name + " in logingov.css");
        }
        return colours;
    }

    private static void assertAtLeast(double minimum, String a, String b, String what) {
        double ratio = ratio(a, b);
        assertTrue(
                ratio >= minimum,
                () -> String.format("%s: %s on %s is %.2f:1, below %.1f:1", what, a, b, ratio, minimum));
    }

    private static void report(String selector, String what, String a, String b) {
        System.out.printf("contrast %-46s %-22s %s / %s = %.2f:1%n", selector, what, a, b, ratio(a, b));
    }

    /** WCAG 2's contrast ratio: (L1 + 0.05) / (L2 + 0.05), the lighter colour's luminance first. */
    static double ratio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        Matcher m = HEX.matcher(hex);
        assertTrue(m.matches(), () -> hex + " is not a #rrggbb colour");
        int rgb = Integer.parseInt(m.group(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
