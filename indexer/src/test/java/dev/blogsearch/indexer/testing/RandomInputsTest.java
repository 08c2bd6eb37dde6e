package dev.blogsearch.indexer.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What replaying a randomized test's failure rests on: one seed, one sequence; the failure names seed and input. */
class RandomInputsTest {

    private static List<String> draw(long seed) {
        RandomInputs random = new RandomInputs(seed);
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            inputs.add(random.hostileText()
                    + random.hugeNumber()
                    + random.malformedQueryString()
                    + random.markdownWithFrontMatter()
                    + RandomInputs.escape(random.bytes(40))
                    + random.forwardedValue()
                    + random.acceptValue()
                    + random.fileKind());
        }
        return inputs;
    }

    @Test
    void theSameSeedDrawsTheSameInputsAndAnotherSeedOthers() {
        assertThat(draw(42)).isEqualTo(draw(42)).isNotEqualTo(draw(43));
    }

    @Test
    void escapingShowsControlsSurrogatesAndBytes() {
        assertThat(RandomInputs.escape("a\u0000\n\"\\\ud800中")).isEqualTo("\"a\\u0000\\n\\\"\\\\\\ud800\\u4e2d\"");
        assertThat(RandomInputs.escape(new byte[] {'a', 0, (byte) 0xff, '"'}))
                .isEqualTo("4 bytes b\"a\\x00\\xff\\x22\"");
        assertThat(RandomInputs.escape("a\u0000中".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("5 bytes of UTF-8 \"a\\u0000\\u4e2d\"");
    }

    @Test
    void aFailingTryReportsTheSeedTheTryAndTheEscapedInput() {
        RandomInputs random = new RandomInputs(7);
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> random.check(10, r -> "x\u0001" + seen.size(), RandomInputs::escape, input -> {
                    seen.add(input);
                    assertThat(seen).hasSizeLessThan(3);
                }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("try 3 of 10")
                .hasMessageContaining("-Dblogsearch.seed=7")
                .hasMessageContaining("input: \"x\\u00012\"");
        assertThat(seen).hasSize(3);
    }

    @Test
    void sizesReachBothBounds() {
        RandomInputs random = new RandomInputs(1);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sizes.add(random.size(0, 2000));
        }
        assertThat(sizes).contains(0, 2000).allMatch(size -> size >= 0 && size <= 2000);
    }
}
