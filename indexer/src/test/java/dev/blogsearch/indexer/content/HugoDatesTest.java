package dev.blogsearch.indexer.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HugoDatesTest {

    private final HugoDates utc = HugoDates.utc();
    private final HugoDates shanghai = new HugoDates(ZoneId.of("Asia/Shanghai"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-03-02                          | 2024-03-02T00:00Z
            2024-03-02T10:20:00+08:00           | 2024-03-02T10:20+08:00
            2024-03-02T10:20:00Z                | 2024-03-02T10:20Z
            2024-03-02T10:20:00                 | 2024-03-02T10:20Z
            2023-11-05 21:30:00                 | 2023-11-05T21:30Z
            2013-07-29 09:15:00 +0800           | 2013-07-29T09:15+08:00
            2013-07-29 09:15:00 +08:00          | 2013-07-29T09:15+08:00
            2013-07-29 09:15:00 -07:00          | 2013-07-29T09:15-07:00
            2017-09-07 06:30                    | 2017-09-07T06:30Z
            2019-01-02 7:05:00                  | 2019-01-02T07:05Z
            2021-03-11T10:00:00.123-08:00       | 2021-03-11T10:00:00.123-08:00
            2006-01-02 15:04:05.5 -0700 MST     | 2006-01-02T15:04:05.500-07:00
            2024-03-02 10:20:00 UTC             | 2024-03-02T10:20Z
            '  2017-07-21 '                     | 2017-07-21T00:00Z
            'Mon, 02 Jan 2006 15:04:05 GMT'     | 2006-01-02T15:04:05Z
            'Mon, 02 Jan 2006 15:04:05 +0800'   | 2006-01-02T15:04:05+08:00
            """)
    void everyFormHugoAccepts(String written, String expected) throws PostReadException {
        assertEquals(OffsetDateTime.parse(expected), utc.parse(written));
    }

    @Test
    void datesWithoutOffsetAreInTheDefaultZone() throws PostReadException {
        assertEquals(OffsetDateTime.parse("2013-08-24T07:54+08:00"), shanghai.parse("2013-08-24 07:54:00"));
        assertEquals(OffsetDateTime.parse("2024-03-02T00:00+08:00"), shanghai.parse("2024-03-02"));
        assertEquals(OffsetDateTime.parse("2024-03-02T10:20Z"), shanghai.parse("2024-03-02T10:20:00Z"));
    }

    @Test
    void temporalObjectsFromParsers() throws PostReadException {
        assertEquals(OffsetDateTime.parse("2024-03-02T00:00+08:00"), shanghai.parse(LocalDate.of(2024, 3, 2)));
        assertEquals(
                OffsetDateTime.parse("2024-03-02T10:20+08:00"), shanghai.parse(LocalDateTime.of(2024, 3, 2, 10, 20)));
        assertEquals(OffsetDateTime.parse("1970-01-01T00:00:01Z"), utc.parse(new Date(1000)));
    }

    @Test
    void blankOrMissingIsNoDate() throws PostReadException {
        assertNull(utc.parse(null));
        assertNull(utc.parse("  "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            yesterday           | invalid date "yesterday": expected a date like 2024-03-02, 2024-03-02T10:20:00+08:00 or 2024-03-02 10:20:00
            2024-13-01          | invalid date "2024-13-01": Invalid value for MonthOfYear (valid values 1 - 12): 13
            2023-02-30          | invalid date "2023-02-30": Invalid date 'FEBRUARY 30'
            0000-01-01          | invalid date "0000-01-01": the year must be between 1 and 9999
            10000-01-01         | invalid date "10000-01-01": expected a date like 2024-03-02, 2024-03-02T10:20:00+08:00 or 2024-03-02 10:20:00
            2024-03-02 25:00:00 | invalid date "2024-03-02 25:00:00": Invalid value for HourOfDay (valid values 0 - 23): 25
            """)
    void invalidDatesNameTheValue(String written, String message) {
        PostReadException e = assertThrows(PostReadException.class, () -> utc.parse(written));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aNumberIsNotADate() {
        PostReadException e = assertThrows(PostReadException.class, () -> utc.parse(2019));
        assertEquals(
                "invalid date 2019: expected a date like 2024-03-02, 2024-03-02T10:20:00+08:00"
                        + " or 2024-03-02 10:20:00",
                e.getMessage());
    }

    @Test
    void absurdYearFromATemporal() {
        PostReadException e = assertThrows(PostReadException.class, () -> utc.parse(LocalDate.of(12024, 1, 1)));
        assertEquals("invalid date \"+12024-01-01\": the year must be between 1 and 9999", e.getMessage());
    }
}
