package dev.blogsearch.api.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.NameUtils;
import io.micronaut.core.type.Argument;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A settings record as {@code application.yml} gives it, for the tools and tests that build the service's parts
 * without its server (benchmarks, the eval). {@code application.yml} is the one home of every default: the records
 * state none, and this reads the file rather than restating it. Environment variables are not read, so a tool's
 * figures do not depend on the shell it ran in.
 */
public final class DefaultSettings {

    private DefaultSettings() {}

    /** The record with {@code application.yml}'s defaults. */
    public static <T extends Record> T of(Class<T> type) {
        return of(type, Map.of());
    }

    /**
     * The record with {@code given} over {@code application.yml}'s defaults.
     *
     * @param given settings by their name under the record's prefix, as in {@code application.yml}
     *              ({@code content-dir}), their values as there (text, or what it is read as)
     * @throws IllegalArgumentException when {@code application.yml} gives no value for one of the record's settings
     *                                  that has to have one, or the record refuses a value
     */
    public static <T extends Record> T of(Class<T> type, Map<String, ?> given) {
        String prefix = type.getAnnotation(ConfigurationProperties.class).value();
        Map<String, Object> properties = new HashMap<>();
        given.forEach((name, value) -> properties.put(prefix + "." + name, value));
        ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .environmentPropertySource(false)
                .properties(properties)
                .build();
        Environment environment = context.getEnvironment().start();
        try {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                String property = prefix + "." + NameUtils.hyphenate(components[i].getName());
                values[i] = environment
                        .getProperty(property, Argument.of(components[i].getGenericType()))
                        .orElse(null);
                if (values[i] == null && components[i].getType().isPrimitive()) {
                    throw new IllegalArgumentException("application.yml gives no value for " + property);
                }
            }
            return type.getDeclaredConstructor(Arrays.stream(components)
                            .map(RecordComponent::getType)
                            .toArray(Class<?>[]::new))
                    .newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " is not a settings record", e);
        } finally {
            environment.stop();
        }
    }
}
