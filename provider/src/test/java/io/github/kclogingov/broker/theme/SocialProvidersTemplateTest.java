package io.github.kclogingov.broker.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.StringTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateMethodModelEx;
import java.io.IOException;
import java.io.StringWriter;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The theme's provider list, rendered by FreeMarker (Keycloak's version and output format) with
 * providers as Keycloak hands them to the template, and the theme's properties and English messages.
 */
class SocialProvidersTemplateTest {

    private static final Pattern BUTTON = Pattern.compile(
            "<a id=\"social-([^\"]+)\"[^>]*?class=\"([^\"]*)\"[^>]*>\\s*<span[^>]*>([^<]*)</span>", Pattern.DOTALL);

    @Test
    void theme_properties_choose_a_valid_variant_and_size_and_extend_keycloak_v2() throws IOException {
        Properties theme = ThemeFiles.properties("theme.properties");

        assertEquals("keycloak.v2", theme.getProperty("parent"));
        assertTrue(List.of("primary", "outline", "light").contains(theme.getProperty("logingovButtonVariant")));
        assertTrue(List.of("default", "big").contains(theme.getProperty("logingovButtonSize")));
    }

    @Test
    void the_css_styles_every_variant_and_size_the_template_accepts() throws IOException {
        String css = ThemeFiles.text("resources/css/logingov.css");
        String template = ThemeFiles.text("social-providers.ftl");

        for (String variant : List.of("primary", "outline", "light")) {
            assertTrue(template.contains('"' + variant + '"'), variant);
            assertTrue(css.contains(".logingov-button--" + variant), variant);
        }
        for (String size : List.of("default", "big")) {
            assertTrue(template.contains('"' + size + '"'), size);
            assertTrue(css.contains(".logingov-size-" + size + " a"), size);
        }
    }

    @Test
    void the_template_names_the_button_by_its_text_and_recognises_login_gov_by_type() throws IOException {
        String template = ThemeFiles.text("social-providers.ftl");

        assertTrue(template.contains("provider.providerId == \"login.gov\""));
        assertTrue(template.contains("msg(\"logingovSignIn\")"));
        assertTrue(template.contains("msg(\"logingovSignInNamed\", name)"));
        assertTrue(template.contains("msg(\"logingovSignInNamed\", provider.alias)"));
        // An aria-label would replace the visible text as the name, and could drift from it.
        assertFalse(template.contains("aria-label="));
        // keycloak.v2 lays more than three providers out in a grid; the guidance asks for a stack.
        assertFalse(template.contains("kcFormSocialAccountListGridClass"));
    }

    @Test
    void one_login_gov_provider_reads_sign_in_with_login_gov_whatever_its_alias_and_name() throws Exception {
        Map<String, String[]> buttons = render(
                Map.of(), provider("login.gov", "agency-idp", "Our sign-in"), provider("github", "gh", "GitHub"));

        assertEquals("Sign in with Login.gov", buttons.get("agency-idp")[1]);
        assertTrue(buttons.get("agency-idp")[0].contains("logingov-button logingov-button--primary"));
        assertEquals("GitHub", buttons.get("gh")[1]);
        assertFalse(buttons.get("gh")[0].contains("logingov-button"));
    }

    @Test
    void several_login_gov_providers_are_told_apart_by_display_name_or_else_by_alias() throws Exception {
        Map<String, String[]> buttons = render(
                Map.of(),
                provider("login.gov", "logingov", "Login.gov"),
                provider("login.gov", "logingov-sandbox", "sandbox"),
                provider("login.gov", "staff-a", "Staff"),
                provider("login.gov", "staff-b", "Staff"),
                provider("login.gov", "unnamed", null));

        assertEquals("Sign in with Login.gov (sandbox)", buttons.get("logingov-sandbox")[1]);
        // "Login.gov", a blank name and a shared name cannot tell buttons apart: the alias does.
        assertEquals("Sign in with Login.gov (logingov)", buttons.get("logingov")[1]);
        assertEquals("Sign in with Login.gov (staff-a)", buttons.get("staff-a")[1]);
        assertEquals("Sign in with Login.gov (staff-b)", buttons.get("staff-b")[1]);
        assertEquals("Sign in with Login.gov (unnamed)", buttons.get("unnamed")[1]);
    }

    @Test
    void a_display_name_is_escaped() throws Exception {
        Map<String, String[]> buttons =
                render(Map.of(), provider("login.gov", "a", "<b>x</b>"), provider("login.gov", "b", "Login.gov"));

        assertEquals("Sign in with Login.gov (&lt;b&gt;x&lt;/b&gt;)", buttons.get("a")[1]);
    }

    @Test
    void a_child_theme_s_variant_and_size_reach_the_markup_and_unknown_values_fall_back() throws Exception {
        Map<String, String[]> outline = render(
                Map.of("logingovButtonVariant", "outline", "logingovButtonSize", "big"),
                provider("login.gov", "logingov", "Login.gov"));
        assertTrue(outline.get("logingov")[0].contains("logingov-button--outline"));
        assertTrue(lastHtml.contains("logingov-size-big"));

        Map<String, String[]> unknown = render(
                Map.of("logingovButtonVariant", "purple", "logingovButtonSize", "huge"),
                provider("login.gov", "logingov", "Login.gov"));
        assertTrue(lastHtml.contains("logingov-size-default"));
        assertTrue(unknown.get("logingov")[0].contains("logingov-button--primary"));
    }

    private String lastHtml;

    private static Map<String, Object> provider(String type, String alias, String displayName) {
        Map<String, Object> provider = new HashMap<>();
        provider.put("providerId", type);
        provider.put("alias", alias);
        if (displayName != null) {
            provider.put("displayName", displayName);
        }
        provider.put("loginUrl", "/realms/r/broker/" + alias + "/login");
        if (type.equals("login.gov")) {
            provider.put("iconClasses", "logingov-sign-in");
        }
        return provider;
    }

    /** Alias to {class of the link, text of its label}. */
    @SafeVarargs
    private Map<String, String[]> render(Map<String, String> childTheme, Map<String, Object>... providers)
            throws IOException, TemplateException {
        Properties english = ThemeFiles.properties("messages/messages_en.properties");
        Map<String, Object> properties = new HashMap<>();
        ThemeFiles.properties("theme.properties").forEach((k, v) -> properties.put((String) k, v));
        properties.putAll(childTheme);
        Map<String, Object> model = new HashMap<>();
        model.put("properties", properties);
        model.put("social", Map.of("providers", List.of(providers)));
        model.put("msg", (TemplateMethodModelEx) args -> {
            List<String> values = new ArrayList<>();
            args.forEach(arg -> values.add(arg.toString()));
            String pattern = english.getProperty(values.get(0), values.get(0));
            return new MessageFormat(pattern)
                    .format(values.subList(1, values.size()).toArray());
        });

        StringTemplateLoader page = new StringTemplateLoader();
        page.putTemplate("page.ftl", "<#import \"social-providers.ftl\" as s><@s.show social=social/>");
        Configuration freemarker = new Configuration(Configuration.VERSION_2_3_32);
        freemarker.setTemplateLoader(new MultiTemplateLoader(
                new TemplateLoader[] {page, new ClassTemplateLoader(getClass().getClassLoader(), ThemeFiles.LOGIN)}));
        // Keycloak renders its themes as HTML: ${...} escapes.
        freemarker.setOutputFormat(HTMLOutputFormat.INSTANCE);
        StringWriter out = new StringWriter();
        freemarker.getTemplate("page.ftl").process(model, out);
        lastHtml = out.toString();

        Map<String, String[]> buttons = new LinkedHashMap<>();
        Matcher button = BUTTON.matcher(lastHtml);
        while (button.find()) {
            buttons.put(button.group(1), new String[] {button.group(2), button.group(3)});
        }
        assertEquals(providers.length, buttons.size(), lastHtml);
        return buttons;
    }
}
