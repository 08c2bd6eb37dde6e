package dev.blogsearch.api.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How a change in the eval's per-query figures is reported. */
class RegressionTest {

    private static final String RECORDED = Regression.HEADER + "\n"
            + "q001\tzh-word\t负载均衡\t0.800\t0.500\t0.750\n"
            + "q002\ten-term\tleaf node\t1.000\t\t\n"
            + "q003\tno-answer\t天气预报\t0.000\t\t\n";

    @Test
    void theEvalReadmeGivesTheCommandThatRewritesTheFile() throws IOException {
        Path readme = Path.of("..", "eval", "README.md");

        assertThat(Files.readString(readme, StandardCharsets.UTF_8)).contains(SearchQualityTest.REGENERATE_COMMAND);
    }

    @Test
    void theSameFiguresMoveNothing() {
        assertThat(Regression.moved(RECORDED, RECORDED)).isEmpty();
    }

    @Test
    void eachQueryThatMovedIsNamedWithItsFiguresBeforeAndAfter() {
        String now = RECORDED.replace("0.800\t0.500\t0.750", "0.900\t0.500\t0.700")
                .replace("q003\tno-answer\t天气预报\t0.000\t\t\n", "q004\ttypo\tkubernets\t0.631\t\t\n");

        assertThat(Regression.moved(RECORDED, now))
                .containsExactly(
                        "q001 (zh-word) `负载均衡`: ndcg 0.800 -> 0.900 (up), ndcg_75 0.750 -> 0.700 (down)",
                        "q004 `kubernets`: new, not in the recorded file",
                        "q003: recorded, no longer judged");
    }

    @Test
    void aTypedFigureThatAppearsOrGoesIsAMove() {
        String now =
                RECORDED.replace("q002\ten-term\tleaf node\t1.000\t\t", "q002\ten-term\tleaf node\t1.000\t0.400\t");

        assertThat(Regression.moved(RECORDED, now))
                .containsExactly("q002 (en-term) `leaf node`: ndcg_50 none -> 0.400");
    }
}
