package dev.blogsearch.indexer.content;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the date forms Hugo accepts in front matter into {@link OffsetDateTime}. Immutable and thread-safe.
 *
 * <p>One pattern covers the ISO-like family Hugo's date parsing takes: {@code 2024-03-02},
 * {@code 2024-03-02T10:20:00+08:00}, {@code 2024-03-02T10:20:00Z}, {@code 2023-11-05 21:30:00},
 * {@code 2013-07-29 09:15:00 +0800}, {@code 2017-09-07 06:30}, a one-digit hour, fractional seconds, and Go's
 * {@code time.String()} form with a zone name after the offset. RFC 1123 ({@code Mon, 02 Jan 2006 15:04:05 GMT})
 * is also accepted. A date written without an offset is in the default zone, as Hugo's {@code timeZone} setting
 * decides for a site.
 */
public final class HugoDates {

    private static final Pattern ISO_LIKE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})"
            + "(?:(?:[Tt]|\\s+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
            + "(?:\\s*(?<offset>[Zz]|[+-]\\d{2}(?::?\\d{2})?)(?:\\s+[A-Za-z]{2,5})?|\\s+(?<utc>UTC|GMT))?");

    private static final String EXPECTED =
            "expected a date like 2024-03-02, 2024-03-02T10:20:00+08:00 or 2024-03-02 10:20:00";

    private final ZoneId defaultZone;

    /** Dates without an offset are read in {@code defaultZone}. */
    public HugoDates(ZoneId defaultZone) {
        this.defaultZone = Objects.requireNonNull(defaultZone, "defaultZone");
    }

    /** Dates without an offset are read in UTC, Hugo's default. */
    public static HugoDates utc() {
        return new HugoDates(ZoneOffset.UTC);
    }

    public ZoneId defaultZone() {
        return defaultZone;
    }

    /**
     * Reads a front matter date value: a string as written, or a {@link TemporalAccessor} or {@link Date} that a
     * parser may have produced.
     *
     * @return the date, or {@code null} for {@code null} or a blank string (Hugo treats an empty date as none)
     * @throws PostReadException naming the value when it is not a date, or its year is not in 1 to 9999
     */
    public OffsetDateTime parse(Object value) throws PostReadException {
        if (value == null) {
            return null;
        }
        OffsetDateTime date;
        if (value instanceof String text) {
            if (text.isBlank()) {
                return null;
            }
            date = parseText(text.strip());
        } else if (value instanceof Date legacy) {
            date = OffsetDateTime.ofInstant(legacy.toInstant(), ZoneOffset.UTC);
        } else if (value instanceof TemporalAccessor temporal) {
            date = fromTemporal(temporal);
        } else {
            throw new PostReadException("invalid date " + value + ": " + EXPECTED);
        }
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new PostReadException("invalid date \"" + value + "\": the year must be between 1 and 9999");
        }
        return date;
    }

    private OffsetDateTime parseText(String text) throws PostReadException {
        Matcher m = ISO_LIKE.matcher(text);
        if (m.matches()) {
            try {
                return fromParts(m);
            } catch (DateTimeException e) {
                throw new PostReadException("invalid date \"" + text + "\": " + e.getMessage(), e);
            }
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new PostReadException("invalid date \"" + text + "\": " + EXPECTED, e);
        }
    }

    private OffsetDateTime fromParts(Matcher m) {
        int year = Integer.parseInt(m.group(1));
        if (year < 1) {
            throw new DateTimeException("the year must be between 1 and 9999");
        }
        LocalDate date = LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        LocalTime time = LocalTime.MIDNIGHT;
        if (m.group(4) != null) {
            int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            int nano = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
            time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), second, nano);
        }
        LocalDateTime local = LocalDateTime.of(date, time);
        String offset = m.group("offset");
        if (offset != null) {
            return local.atOffset(offset(offset));
        }
        if (m.group("utc") != null) {
            return local.atOffset(ZoneOffset.UTC);
        }
        return local.atZone(defaultZone).toOffsetDateTime();
    }

    /** {@code Z}, {@code +08}, {@code +0800} or {@code +08:00}. */
    private static ZoneOffset offset(String text) {
        if (text.equalsIgnoreCase("z")) {
            return ZoneOffset.UTC;
        }
        int sign = text.charAt(0) == '-' ? -1 : 1;
        String digits = text.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    private OffsetDateTime fromTemporal(TemporalAccessor temporal) throws PostReadException {
        if (temporal instanceof OffsetDateTime offsetDateTime) {
            return offsetDateTime;
        }
        if (temporal instanceof ZonedDateTime zoned) {
            return zoned.toOffsetDateTime();
        }
        if (temporal instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (temporal instanceof LocalDateTime local) {
            return local.atZone(defaultZone).toOffsetDateTime();
        }
        if (temporal instanceof LocalDate local) {
            return local.atStartOfDay(defaultZone).toOffsetDateTime();
        }
        throw new PostReadException("invalid date " + temporal + ": " + EXPECTED);
    }
}
