package dev.blogsearch.query;

import dev.blogsearch.schema.PostFields;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code from} and {@code to} of a date filter, inclusive, as yyyymmdd day numbers of the post's own calendar
 * ({@link dev.blogsearch.schema.PostFields#DAY}). A bound may be a year ({@code 2023}), a month
 * ({@code 2023-08}) or a day ({@code 2023-08-12}); a year or month as {@code from} starts at its first day, as
 * {@code to} ends with its last, so {@code from=2023&to=2023} is the whole of 2023.
 *
 * @param fromDay first day included, or {@code null} for no lower bound
 * @param toDay   last day included, or {@code null} for no upper bound
 */
public record DayRange(Integer fromDay, Integer toDay) {

    public static final DayRange ANY = new DayRange(null, null);

    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    public boolean isAny() {
        return fromDay == null && toDay == null;
    }

    /**
     * Parses the two bounds; blank means unbounded.
     *
     * @throws IllegalArgumentException with a message for the reader when a bound is malformed or the range is
     *                                  empty
     */
    public static DayRange parse(String from, String to) {
        Integer start = bound("from", from, true);
        Integer end = bound("to", to, false);
        if (start != null && end != null && start > end) {
            throw new IllegalArgumentException("from (" + from.strip() + ") is after to (" + to.strip() + ").");
        }
        return new DayRange(start, end);
    }

    private static Integer bound(String name, String value, boolean first) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher m = DATE.matcher(value.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(name + " must be a date written YYYY, YYYY-MM or YYYY-MM-DD.");
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(2) == null) {
                return PostFields.dayNumber(first ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 12, 31));
            }
            YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(2)));
            if (m.group(3) == null) {
                return PostFields.dayNumber(first ? month.atDay(1) : month.atEndOfMonth());
            }
            return PostFields.dayNumber(month.atDay(Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(name + " is not a real date: " + value.strip() + ".");
        }
    }
}
