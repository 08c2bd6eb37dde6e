package dev.blogsearch.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnglishVariantsTest {

    @Test
    void singularAndPluralFormsButNoStems() {
        // Candidates only: the planner keeps those the blog contains.
        assertThat(EnglishVariants.of("certificate")).containsExactly("certificates");
        assertThat(EnglishVariants.of("certificates")).contains("certificate");
        assertThat(EnglishVariants.of("policy")).containsExactly("policies");
        assertThat(EnglishVariants.of("policies")).containsExactly("policy");
        assertThat(EnglishVariants.of("boxes")).containsExactly("box", "boxe");
        assertThat(EnglishVariants.of("class")).containsExactly("classes");
        assertThat(EnglishVariants.of("settings")).containsExactly("setting");
    }
}
