package dev.blogsearch.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DayRangeTest {

    @Test
    void aYearOrMonthStartsOnItsFirstDayAndEndsOnItsLast() {
        assertThat(DayRange.parse("2023", "2023")).isEqualTo(new DayRange(20230101, 20231231));
        assertThat(DayRange.parse("2024-02", "2024-02")).isEqualTo(new DayRange(20240201, 20240229));
        assertThat(DayRange.parse("2023-02", "2023-02")).isEqualTo(new DayRange(20230201, 20230228));
        assertThat(DayRange.parse(" 2024-03-02 ", null)).isEqualTo(new DayRange(20240302, null));
        assertThat(DayRange.parse("", "  ").isAny()).isTrue();
    }

    @Test
    void malformedImpossibleOrReversedBoundsAreRefusedWithAReason() {
        assertThatThrownBy(() -> DayRange.parse("24", null))
                .hasMessage("from must be a date written YYYY, YYYY-MM or YYYY-MM-DD.");
        assertThatThrownBy(() -> DayRange.parse(null, "2024-13")).hasMessage("to is not a real date: 2024-13.");
        assertThatThrownBy(() -> DayRange.parse("2023-02-29", null)).hasMessage("from is not a real date: 2023-02-29.");
        assertThatThrownBy(() -> DayRange.parse("2024-05", "2024-04-30"))
                .hasMessage("from (2024-05) is after to (2024-04-30).");
    }
}
