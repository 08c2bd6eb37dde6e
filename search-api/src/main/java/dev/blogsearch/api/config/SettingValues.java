package dev.blogsearch.api.config;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.ConfigurationReader;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.naming.NameUtils;
import io.micronaut.core.order.Ordered;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks, first thing at start-up, that every number, duration and flag among the settings can be read as one.
 * Micronaut reads a malformed value in one of two bad ways: a port of {@code abc} is a page of stack trace, and in
 * our settings records a time budget of {@code abc} quietly becomes the default and a flag of {@code maybe} (or
 * {@code 1}) quietly becomes false. Here each is one line naming the variable, the property and the value.
 *
 * <p>The types are the settings records' own (every {@code @ConfigurationProperties} record of the service), and
 * the variable of each property is the one {@code application.yml} reads it from, so neither is written again here.
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class SettingValues {

    /** Micronaut's own settings that the docs tell an owner to set, with the type Micronaut reads them as. */
    private static final Map<String, Class<?>> MICRONAUT_SETTINGS = Map.of("micronaut.server.port", int.class);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):.*}", Pattern.DOTALL);

    SettingValues(Environment environment, BeanContext context) {
        Map<String, String> variables = variablesOfApplicationYml();
        Map<String, Class<?>> types = new TreeMap<>(MICRONAUT_SETTINGS);
        context.getBeanDefinitions(Qualifiers.byStereotype(ConfigurationReader.class)).stream()
                .filter(definition -> definition.getBeanType().isRecord()
                        && definition.getBeanType().getPackageName().startsWith("dev.blogsearch"))
                .forEach(definition -> {
                    String prefix = definition
                            .stringValue(ConfigurationReader.class, ConfigurationReader.PREFIX)
                            .orElseThrow();
                    for (RecordComponent component : definition.getBeanType().getRecordComponents()) {
                        types.put(prefix + "." + NameUtils.hyphenate(component.getName()), component.getType());
                    }
                });
        types.forEach((property, type) -> environment
                .getProperty(property, String.class)
                .ifPresent(value -> check(property, variables.get(property), type, value)));
    }

    /** Stops the start with one line if {@code value} cannot be read as {@code type}. */
    static void check(String property, String variable, Class<?> type, String value) {
        String expected = expected(type, value);
        if (expected != null) {
            String name = variable == null ? property : variable + " (" + property + ")";
            throw new InvalidSettingException(name + " must be " + expected + ", not: '" + value + "'");
        }
    }

    /** What a value of {@code type} must be, or {@code null} if {@code value} is one. */
    private static String expected(Class<?> type, String value) {
        String text = value.strip();
        if (type == boolean.class || type == Boolean.class) {
            // The words Micronaut reads as true, and their opposites; it reads anything else as false.
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "on", "false", "no", "n", "off" -> null;
                default -> "true or false";
            };
        }
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(text);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(text);
            } else if (type == double.class || type == Double.class) {
                double number = Double.parseDouble(text);
                if (!Double.isFinite(number)) {
                    return "a number, such as 2.5";
                }
            } else if (type == Duration.class
                    && ConversionService.SHARED.convert(text, Duration.class).isEmpty()) {
                return "a duration: a whole number and a unit (ms, s, m, h, d), such as 2s or 500ms";
            }
        } catch (NumberFormatException e) {
            return type == double.class || type == Double.class ? "a number, such as 2.5" : "a whole number";
        }
        return null;
    }

    /** Each property of {@code application.yml} that is read from an environment variable, and the variable. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> variablesOfApplicationYml() {
        Map<String, String> variables = new TreeMap<>();
        try (InputStream in = SettingValues.class.getClassLoader().getResourceAsStream("application.yml")) {
            if (in != null) {
                collect("", new Yaml(new LoaderOptions()).load(in), variables);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return variables;
    }

    @SuppressWarnings("unchecked")
    private static void collect(String path, Object node, Map<String, String> variables) {
        if (node instanceof Map<?, ?> map) {
            ((Map<Object, Object>) map)
                    .forEach((key, value) ->
                            collect(path.isEmpty() ? key.toString() : path + "." + key, value, variables));
        } else if (node instanceof String text) {
            Matcher placeholder = PLACEHOLDER.matcher(text);
            if (placeholder.matches()) {
                variables.put(path, placeholder.group(1));
            }
        }
    }
}
