package dev.blogsearch.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** How every endpoint reads its parameters. */
class RequestParametersTest {

    @Test
    void aWholeNumberInRangeIsRead() {
        assertThat(RequestParameters.integer("size", " 7 ", 10, 1, 50)).isEqualTo(7);
        assertThat(RequestParameters.integer("size", null, 10, 1, 50)).isEqualTo(10);
        assertThat(RequestParameters.integer("size", "  ", 10, 1, 50)).isEqualTo(10);
    }

    @Test
    void aBadNumberIsRefusedNamingTheParameterAndItsRange() {
        for (String bad : new String[] {"0", "51", "ten", "2.5", "99999999999", "-1"}) {
            assertThatThrownBy(() -> RequestParameters.integer("size", bad, 10, 1, 50))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage("size must be a whole number from 1 to 50.");
        }
    }

    @Test
    void aBeaconsNumberIsEmptyRatherThanAnError() {
        assertThat(RequestParameters.integer("3", 1, 5000)).isEqualTo(OptionalInt.of(3));
        assertThat(RequestParameters.integer("0", 1, 5000)).isEmpty();
        assertThat(RequestParameters.integer("x", 1, 5000)).isEmpty();
        assertThat(RequestParameters.integer(null, 1, 5000)).isEmpty();
    }

    @Test
    void flagsAreTrueOrFalseInAFewSpellings() {
        assertThat(RequestParameters.flag("wait", "TRUE", false)).isTrue();
        assertThat(RequestParameters.flag("wait", "1", false)).isTrue();
        assertThat(RequestParameters.flag("wait", "no", true)).isFalse();
        assertThat(RequestParameters.flag("wait", "on", false)).isTrue();
        assertThat(RequestParameters.flag("wait", null, true)).isTrue();
        assertThatThrownBy(() -> RequestParameters.flag("wait", "maybe", false))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("wait must be true or false.");
    }

    @Test
    void aQueryIsCountedInCharactersAsAReaderSeesThem() {
        String han = "字".repeat(SearchLimits.MAX_QUERY_LENGTH);
        String emoji = "😀".repeat(SearchLimits.MAX_QUERY_LENGTH); // two UTF-16 units each

        assertThat(RequestParameters.query("  " + han + " ")).isEqualTo(han);
        assertThat(RequestParameters.query(emoji)).isEqualTo(emoji);
        assertThat(RequestParameters.query(null)).isEmpty();
        assertThatThrownBy(() -> RequestParameters.query(han + "字"))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("q is too long: at most " + SearchLimits.MAX_QUERY_LENGTH + " characters.");
    }

    @Test
    void onePostIdLengthForEveryEndpoint() {
        String longest = "p".repeat(SearchLimits.MAX_ID_LENGTH);

        assertThat(RequestParameters.postId(longest)).isEqualTo(longest);
        assertThat(RequestParameters.fitsPostId(longest)).isTrue();
        assertThat(RequestParameters.fitsPostId(longest + "p")).isFalse();
        assertThatThrownBy(() -> RequestParameters.postId(longest + "p"))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("The post id is too long: at most " + SearchLimits.MAX_ID_LENGTH + " characters.");
    }
}
