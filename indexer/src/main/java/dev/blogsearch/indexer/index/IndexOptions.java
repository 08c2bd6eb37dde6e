package dev.blogsearch.indexer.index;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The options an index is built with as someone gave them (the command line's, or the service's configuration),
 * each {@code null} when not given. Every commit records them ({@link IndexMetadata#options()}), so that a service
 * started on an index the command line built adopts the options it was built with instead of rebuilding it with
 * its own defaults ({@link #over}). Paths are absolute: the service may run in another folder.
 *
 * <p>They are what was given, not what it amounts to ({@link SiteSettings#resolve}): an index built from a site
 * without {@code --permalink} records no permalinks, so that it follows the site's configuration as it changes.
 *
 * @param site           the Hugo site's folder ({@link Option#SITE})
 * @param environment    whose {@code config/<environment>/} of the site applies ({@link Option#ENVIRONMENT})
 * @param content        the content folder ({@link Option#CONTENT}); recorded as resolved when there is no site
 * @param permalinks     permalink specs ({@link Option#PERMALINKS}); {@code null} or empty when not given
 * @param timezone       the zone of dates without an offset ({@link Option#TIMEZONE})
 * @param drafts         include drafts ({@link Option#DRAFTS})
 * @param future         include posts whose publish date is to come ({@link Option#FUTURE})
 * @param expired        include expired posts ({@link Option#EXPIRED})
 * @param followSymlinks read posts through symbolic links ({@link Option#FOLLOW_SYMLINKS})
 * @param dictionaries   the blog owner's dictionary files ({@link Option#DICTIONARY}); {@code null} or empty when
 *                       not given
 */
public record IndexOptions(
        Path site,
        String environment,
        Path content,
        List<String> permalinks,
        ZoneId timezone,
        Boolean drafts,
        Boolean future,
        Boolean expired,
        Boolean followSymlinks,
        List<Path> dictionaries) {

    /** Nothing given: every setting is the site's or the default. */
    public static final IndexOptions NONE =
            new IndexOptions(null, null, null, List.of(), null, null, null, null, null, List.of());

    /** Marks a commit that records its options; an index written before they were recorded has none to adopt. */
    private static final String RECORDED = "blogsearch.options";

    private static final String PREFIX = "blogsearch.option.";

    /**
     * Each option an index is built with, with the one name it has on the command line and in the service's
     * environment. {@code application.yml} binds the variables; {@code ConfigurationDocsTest} checks that both
     * agree with this list and that docs/configuration.md documents each.
     */
    public enum Option {
        SITE("--site", "BLOGSEARCH_SITE_DIR"),
        ENVIRONMENT("--environment", "BLOGSEARCH_ENVIRONMENT"),
        CONTENT("--content", "BLOGSEARCH_CONTENT_DIR"),
        PERMALINKS("--permalink", "BLOGSEARCH_PERMALINKS"),
        TIMEZONE("--timezone", "BLOGSEARCH_TIMEZONE"),
        DRAFTS("--drafts", "BLOGSEARCH_INCLUDE_DRAFTS"),
        FUTURE("--future", "BLOGSEARCH_INCLUDE_FUTURE"),
        EXPIRED("--expired", "BLOGSEARCH_INCLUDE_EXPIRED"),
        FOLLOW_SYMLINKS("--follow-symlinks", "BLOGSEARCH_FOLLOW_SYMLINKS"),
        DICTIONARY("--dictionary", "BLOGSEARCH_DICTIONARY");

        private final String commandLine;
        private final String variable;

        Option(String commandLine, String variable) {
            this.commandLine = commandLine;
            this.variable = variable;
        }

        /** The indexer's option, {@code --permalink}. */
        public String commandLine() {
            return commandLine;
        }

        /** The service's environment variable, {@code BLOGSEARCH_PERMALINKS}. */
        public String variable() {
            return variable;
        }

        /** The option whose {@link #setting()} is {@code setting}. */
        public static Option bySetting(String setting) {
            for (Option option : values()) {
                if (option.setting().equals(setting)) {
                    return option;
                }
            }
            throw new IllegalArgumentException("no such option: " + setting);
        }

        /** The name the summary's origins use ({@code permalinks}, {@code follow-symlinks}). */
        public String setting() {
            return switch (this) {
                case PERMALINKS -> "permalinks";
                default -> commandLine.substring(2);
            };
        }
    }

    public IndexOptions {
        permalinks = permalinks == null ? List.of() : List.copyOf(permalinks);
        dictionaries = dictionaries == null
                ? List.of()
                : dictionaries.stream().map(IndexOptions::absolute).toList();
        site = site == null ? null : absolute(site);
        content = content == null ? null : absolute(content);
    }

    /** This option's value, {@code null} when not given. */
    public Object get(Option option) {
        return switch (option) {
            case SITE -> site;
            case ENVIRONMENT -> environment;
            case CONTENT -> content;
            case PERMALINKS -> permalinks.isEmpty() ? null : permalinks;
            case TIMEZONE -> timezone;
            case DRAFTS -> drafts;
            case FUTURE -> future;
            case EXPIRED -> expired;
            case FOLLOW_SYMLINKS -> followSymlinks;
            case DICTIONARY -> dictionaries.isEmpty() ? null : dictionaries;
        };
    }

    /** The options given here, each of the others taken from {@code recorded}: how a service adopts an index's. */
    public IndexOptions over(IndexOptions recorded) {
        return new IndexOptions(
                site != null ? site : recorded.site,
                environment != null ? environment : recorded.environment,
                content != null ? content : recorded.content,
                !permalinks.isEmpty() ? permalinks : recorded.permalinks,
                timezone != null ? timezone : recorded.timezone,
                drafts != null ? drafts : recorded.drafts,
                future != null ? future : recorded.future,
                expired != null ? expired : recorded.expired,
                followSymlinks != null ? followSymlinks : recorded.followSymlinks,
                !dictionaries.isEmpty() ? dictionaries : recorded.dictionaries);
    }

    /** The options not given here that {@code recorded} gives: those {@link #over} adopts. */
    public Set<Option> adoptedFrom(IndexOptions recorded) {
        Set<Option> adopted = EnumSet.noneOf(Option.class);
        for (Option option : Option.values()) {
            if (get(option) == null && recorded.get(option) != null) {
                adopted.add(option);
            }
        }
        return adopted;
    }

    /** The options given both here and in {@code recorded}, with other values. */
    public Set<Option> conflictsWith(IndexOptions recorded) {
        Set<Option> conflicts = EnumSet.noneOf(Option.class);
        for (Option option : Option.values()) {
            if (get(option) != null
                    && recorded.get(option) != null
                    && !get(option).equals(recorded.get(option))) {
                conflicts.add(option);
            }
        }
        return conflicts;
    }

    /** This option's value as a person writes it ({@code posts=/:year/:slug/}). */
    public String show(Option option) {
        Object value = get(option);
        if (value instanceof List<?> list) {
            return String.join(" ", list.stream().map(Object::toString).toList());
        }
        return Objects.toString(value);
    }

    Map<String, String> toUserData() {
        Map<String, String> data = new HashMap<>();
        data.put(RECORDED, "1");
        for (Option option : Option.values()) {
            Object value = get(option);
            if (value instanceof List<?> list) {
                data.put(
                        PREFIX + option.setting(),
                        String.join("\n", list.stream().map(Object::toString).toList()));
            } else if (value != null) {
                data.put(PREFIX + option.setting(), value.toString());
            }
        }
        return data;
    }

    /** The options a commit records; {@link #NONE} for one that records none. */
    static IndexOptions fromUserData(Map<String, String> data) {
        if (!data.containsKey(RECORDED)) {
            return NONE;
        }
        Function<Option, String> value = option -> data.get(PREFIX + option.setting());
        return new IndexOptions(
                path(value.apply(Option.SITE)),
                value.apply(Option.ENVIRONMENT),
                path(value.apply(Option.CONTENT)),
                lines(value.apply(Option.PERMALINKS)),
                value.apply(Option.TIMEZONE) == null ? null : ZoneId.of(value.apply(Option.TIMEZONE)),
                flag(value.apply(Option.DRAFTS)),
                flag(value.apply(Option.FUTURE)),
                flag(value.apply(Option.EXPIRED)),
                flag(value.apply(Option.FOLLOW_SYMLINKS)),
                lines(value.apply(Option.DICTIONARY)).stream().map(Path::of).toList());
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }

    private static Path path(String value) {
        return value == null ? null : Path.of(value);
    }

    private static Boolean flag(String value) {
        return value == null ? null : Boolean.valueOf(value);
    }

    private static List<String> lines(String value) {
        return value == null || value.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(value.split("\n")));
    }
}
