package dev.blogsearch.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.web.SampleBlogServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CHANGELOG.md reads as one list per kind of change in each release: a reader looking for what was fixed finds it
 * under the one "Fixed" of the release. Helpers who each added a section of their own left several "Added",
 * "Changed" and "Fixed" in "Unreleased", which this test now refuses.
 */
class ChangelogTest {

    @Test
    void eachReleaseHasEachKindOfChangeOnceAndNoneEmpty() throws IOException {
        List<String> lines = Files.readAllLines(
                SampleBlogServer.sampleContent().resolveSibling("CHANGELOG.md"), StandardCharsets.UTF_8);
        Map<String, List<String>> subsectionsOfRelease = new LinkedHashMap<>();
        List<String> empty = new ArrayList<>();
        String release = null;
        String subsection = null;
        int entries = 0;
        for (String line : lines) {
            if (line.startsWith("## ") || line.startsWith("### ")) {
                if (subsection != null && entries == 0) {
                    empty.add(release + " / " + subsection);
                }
                entries = 0;
                subsection = null;
            }
            if (line.startsWith("## ")) {
                release = line.substring(3).strip();
                subsectionsOfRelease.put(release, new ArrayList<>());
            } else if (line.startsWith("### ")) {
                subsection = line.substring(4).strip();
                subsectionsOfRelease.get(release).add(subsection);
            } else if (line.startsWith("- ")) {
                entries++;
            }
        }
        if (subsection != null && entries == 0) {
            empty.add(release + " / " + subsection);
        }

        assertThat(subsectionsOfRelease).containsKey("Unreleased");
        subsectionsOfRelease.forEach((name, subsections) -> assertThat(subsections)
                .as("the subsections of %s, each at most once", name)
                .doesNotHaveDuplicates());
        assertThat(empty).as("subsections without an entry").isEmpty();
    }
}
