package dev.blogsearch.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.index.IndexOptions;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.type.Argument;
import java.io.IOException;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code application.yml} is the one home of each setting's environment variable, default and meaning (the
 * comment above it); docs/configuration.md shows them as a table made from it, so a setting cannot go undocumented
 * or be documented with another default. Run with {@code -Dblogsearch.write-docs=true} to rewrite the table after
 * changing a setting.
 */
class ConfigurationDocsTest {

    private static final Path YAML = Path.of("src/main/resources/application.yml");
    private static final Path DOCS = Path.of("../docs/configuration.md");
    private static final String TABLE_START =
            "<!-- The table is made from application.yml by ConfigurationDocsTest. -->";
    private static final String TABLE_END = "<!-- end of the table -->";

    /** {@code key: ${VARIABLE:default}}, the form every setting of {@code application.yml} takes. */
    private static final Pattern SETTING = Pattern.compile("^( *)([a-z-]+): \\$\\{([A-Z][A-Z0-9_]*):([^}]*)}\\s*$");

    private static final Pattern KEY = Pattern.compile("^( *)([a-z-]+):.*$");

    /** One setting of {@code application.yml}. */
    record Setting(String property, String variable, String defaultValue, String meaning) {}

    static List<Setting> settings() throws IOException {
        List<Setting> settings = new ArrayList<>();
        List<String> path = new ArrayList<>();
        List<String> comment = new ArrayList<>();
        for (String line : Files.readAllLines(YAML, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                comment.add(trimmed.substring(1).strip());
                continue;
            }
            Matcher key = KEY.matcher(line);
            if (!key.matches()) {
                comment.clear();
                continue;
            }
            int depth = key.group(1).length() / 2;
            while (path.size() > depth) {
                path.remove(path.size() - 1);
            }
            Matcher setting = SETTING.matcher(line);
            if (setting.matches()) {
                String property = String.join(".", path) + (path.isEmpty() ? "" : ".") + setting.group(2);
                settings.add(new Setting(property, setting.group(3), setting.group(4), String.join(" ", comment)));
            } else {
                path.add(key.group(2));
            }
            comment.clear();
        }
        return settings;
    }

    static String table(List<Setting> settings) {
        StringBuilder table = new StringBuilder("| variable | default | meaning |\n| --- | --- | --- |\n");
        for (Setting setting : settings) {
            table.append("| `")
                    .append(setting.variable())
                    .append("` | ")
                    .append(setting.defaultValue().isEmpty() ? "empty" : "`" + setting.defaultValue() + "`")
                    .append(" | ")
                    .append(setting.meaning().replace("|", "\\|"))
                    .append(" |\n");
        }
        return table.toString();
    }

    @Test
    void theDocumentedTableIsTheOneMadeFromApplicationYml() throws IOException {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        int start = docs.indexOf(TABLE_START);
        int end = docs.indexOf(TABLE_END);
        assertThat(start).as("docs/configuration.md marks its table").isNotNegative();
        assertThat(end).isGreaterThan(start);
        String expected =
                docs.substring(0, start + TABLE_START.length()) + "\n" + table(settings()) + docs.substring(end);
        if (Boolean.getBoolean("blogsearch.write-docs")) {
            Files.writeString(DOCS, expected, StandardCharsets.UTF_8);
            docs = expected;
        }
        assertThat(docs)
                .as("docs/configuration.md, whose table is made from application.yml:"
                        + " run this test with -Dblogsearch.write-docs=true to rewrite it")
                .isEqualTo(expected);
    }

    @Test
    void everySettingSaysWhatItDoes() throws IOException {
        assertThat(settings())
                .isNotEmpty()
                .allSatisfy(setting -> assertThat(setting.meaning())
                        .as("the comment above %s in application.yml", setting.property())
                        .isNotBlank());
    }

    @Test
    void everyOptionOfTheIndexHasItsVariableInApplicationYml() throws IOException {
        Map<String, String> properties =
                settings().stream().collect(Collectors.toMap(Setting::variable, Setting::property));
        for (IndexOptions.Option option : IndexOptions.Option.values()) {
            assertThat(properties)
                    .as("%s (%s) in application.yml", option.variable(), option.commandLine())
                    .containsKey(option.variable());
            assertThat(properties.get(option.variable())).startsWith("blogsearch.");
        }
    }

    /**
     * The settings records: every {@code @ConfigurationProperties} record of this package, so that one added later
     * is held to the same rules.
     */
    static List<Class<? extends Record>> settingsRecords() throws IOException {
        List<Class<? extends Record>> records = new ArrayList<>();
        try (var files = Files.list(Path.of("src/main/java/dev/blogsearch/api/config"))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString().replace(".java", "");
                Class<?> type;
                try {
                    type = Class.forName(ConfigurationDocsTest.class.getPackageName() + "." + name);
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(e);
                }
                if (type.isRecord() && type.isAnnotationPresent(ConfigurationProperties.class)) {
                    records.add(type.asSubclass(Record.class));
                }
            }
        }
        return records;
    }

    /**
     * Settings the service binds that application.yml does not list, each for the reason given: the indexer's
     * library holds its default, which the command line shares.
     */
    private static final Set<String> UNLISTED = Set.of(
            // ContentWatcher.QUIET_PERIOD, also blog-indexer --watch's; tests set it.
            "blogsearch.lifecycle.watch-quiet-period");

    /**
     * application.yml is the one home of each default: a record that gave its own ({@code @Bindable(defaultValue)})
     * would be a second, which drifts (it did: the records and the file were kept equal by hand). Every setting a
     * record binds is one of application.yml's, so none goes undocumented.
     */
    @Test
    void theRecordsStateNoDefaultAndBindOnlyApplicationYmlsSettings() throws Exception {
        Set<String> documented = settings().stream().map(Setting::property).collect(Collectors.toSet());
        List<Class<? extends Record>> records = settingsRecords();
        assertThat(records).hasSizeGreaterThan(7);
        for (Class<? extends Record> type : records) {
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            for (Parameter parameter : canonicalConstructor(type).getParameters()) {
                assertThat(parameter.getAnnotation(Bindable.class))
                        .as(
                                "%s.%s states a default of its own: application.yml holds it",
                                type.getSimpleName(), parameter.getName())
                        .isNull();
            }
            for (RecordComponent component : type.getRecordComponents()) {
                String property = prefix + "." + kebab(component.getName());
                if (!UNLISTED.contains(property)) {
                    assertThat(documented)
                            .as("%s (%s) in application.yml", property, type.getSimpleName())
                            .contains(property);
                }
            }
        }
    }

    /** The records tools and tests build without the server ({@link DefaultSettings}) hold application.yml's values. */
    @Test
    void theToolsSettingsAreApplicationYmls() throws Exception {
        Map<String, Setting> byProperty = new LinkedHashMap<>();
        settings().forEach(setting -> byProperty.put(setting.property(), setting));
        int compared = 0;
        for (Class<? extends Record> type : settingsRecords()) {
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            Record defaults = DefaultSettings.of(type);
            for (RecordComponent component : type.getRecordComponents()) {
                Setting setting = byProperty.get(prefix + "." + kebab(component.getName()));
                if (setting == null || setting.defaultValue().isEmpty()) {
                    continue;
                }
                Object expected = ConversionService.SHARED
                        .convert(setting.defaultValue(), Argument.of(component.getGenericType()))
                        .orElseThrow();
                assertThat(component.getAccessor().invoke(defaults))
                        .as("%s in DefaultSettings.of(%s)", setting.property(), type.getSimpleName())
                        .isEqualTo(expected);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(15);
    }

    private static java.lang.reflect.Constructor<?> canonicalConstructor(Class<? extends Record> type)
            throws NoSuchMethodException {
        return type.getDeclaredConstructor(Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new));
    }

    private static String kebab(String name) {
        return name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
