package dev.blogsearch.indexer.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrontMatterTest {

    @Test
    void yamlKeepsDatesAsWrittenAndLowerCasesKeys() throws PostReadException {
        FrontMatter fm = FrontMatter.parse("""
                ---
                Title: Hello 世界
                date: 2019-04-27T23:33:00+08:00
                layout    : post
                tags: [2019, 总结, Go]
                Draft: true
                ---
                Body line.
                """);

        assertEquals(FrontMatter.Format.YAML, fm.format());
        assertEquals("Hello 世界", fm.string("title"));
        assertEquals("2019-04-27T23:33:00+08:00", fm.get("date"));
        assertEquals("post", fm.string("LAYOUT"));
        assertEquals(List.of("2019", "总结", "Go"), fm.stringList("tags"));
        assertTrue(fm.bool("draft"));
        assertEquals("Body line.\n", fm.body());
    }

    @Test
    void tomlWithTrailingSpaceOnTheOpeningDelimiter() throws PostReadException {
        FrontMatter fm = FrontMatter.parse("+++ \n" + """
                title = "NATS"
                date= "2017-07-21"
                native = 1979-05-27T07:32:00-08:00
                categories = ["General"]
                draft = false
                +++

                # Body
                """);

        assertEquals(FrontMatter.Format.TOML, fm.format());
        assertEquals("NATS", fm.string("title"));
        assertEquals("2017-07-21", fm.get("date"));
        assertEquals("1979-05-27T07:32:00-08:00", fm.get("native"));
        assertEquals(List.of("General"), fm.stringList("categories"));
        assertFalse(fm.bool("draft"));
        assertEquals("\n# Body\n", fm.body());
    }

    @Test
    void jsonObjectAtTheStart() throws PostReadException {
        FrontMatter fm = FrontMatter.parse("""
                {
                  "title": "A {braced} title",
                  "tags": "one tag"
                }
                Body
                """);

        assertEquals(FrontMatter.Format.JSON, fm.format());
        assertEquals("A {braced} title", fm.string("title"));
        assertEquals(List.of("one tag"), fm.stringList("tags"));
        assertEquals("\nBody\n", fm.body());
    }

    @Test
    void bomCrlfAndTrailingSpacesOnDelimiters() throws PostReadException {
        FrontMatter fm =
                FrontMatter.parse("\uFEFF--- \r\ntitle: CRLF\r\ndraft: \"true\"\r\n---  \r\nline one\r\nline two\r\n");

        assertEquals("CRLF", fm.string("title"));
        assertTrue(fm.bool("draft"));
        assertEquals("line one\nline two\n", fm.body());
    }

    @Test
    void textWithoutFrontMatterIsAllBody() throws PostReadException {
        FrontMatter fm = FrontMatter.parse("# Just Markdown\n\n--- not a delimiter\n");

        assertEquals(FrontMatter.Format.NONE, fm.format());
        assertEquals(Map.of(), fm.values());
        assertEquals("# Just Markdown\n\n--- not a delimiter\n", fm.body());
        assertEquals(List.of(), fm.stringList("tags"));
        assertNull(fm.string("title"));
    }

    @Test
    void aLeadingShortcodeOrLiquidTagIsNotJson() throws PostReadException {
        assertEquals(
                FrontMatter.Format.NONE,
                FrontMatter.parse("{{< toc >}}\ntext\n").format());
        assertEquals(
                FrontMatter.Format.NONE, FrontMatter.parse("{% raw %}\ntext\n").format());
    }

    @Test
    void emptyFrontMatterIsAnEmptyMap() throws PostReadException {
        FrontMatter fm = FrontMatter.parse("---\n---\nbody\n");

        assertEquals(Map.of(), fm.values());
        assertEquals("body\n", fm.body());
    }

    @Test
    void stringListFollowsHugoSemantics() throws PostReadException {
        FrontMatter fm = FrontMatter.parse("""
                ---
                categories: cilium bpf k8s
                tags: [" Golang ", golang, ~, "", 2019, true, [nested]]
                empty: []
                keywords:
                ---
                """);

        assertEquals(List.of("cilium bpf k8s"), fm.stringList("categories"));
        assertEquals(List.of("Golang", "2019", "true"), fm.stringList("tags"));
        assertEquals(List.of(), fm.stringList("empty"));
        assertEquals(List.of(), fm.stringList("keywords"));
        assertEquals(List.of(), fm.stringList("missing"));
    }

    @Test
    void boolReadsStringsAsGoDoes() throws PostReadException {
        FrontMatter fm = FrontMatter.parse("""
                +++
                a = "True"
                b = "yes"
                c = 1
                d = "false"
                +++
                """);

        assertTrue(fm.bool("a"));
        assertFalse(fm.bool("b"));
        assertTrue(fm.bool("c"));
        assertFalse(fm.bool("d"));
        assertFalse(fm.bool("missing"));
    }

    @Test
    void malformedYamlNamesTheFileLine() {
        PostReadException e = assertThrows(PostReadException.class, () -> FrontMatter.parse("""
                ---
                title: ok
                  bad: : value
                ---
                """));

        assertEquals("invalid YAML front matter at line 3: mapping values are not allowed here", e.getMessage());
    }

    @Test
    void unterminatedYamlQuoteSaysWhereItStarted() {
        PostReadException e = assertThrows(PostReadException.class, () -> FrontMatter.parse("""

                ---
                title: "open
                date: 2024-01-01
                ---
                """));

        assertEquals(
                "invalid YAML front matter at line 5: found unexpected end of stream"
                        + " (while scanning a quoted scalar started at line 3)",
                e.getMessage());
    }

    @Test
    void malformedToml() {
        PostReadException e = assertThrows(PostReadException.class, () -> FrontMatter.parse("""
                +++
                title = "x"
                date =
                +++
                """));

        assertEquals("invalid TOML front matter at line 3: Newline not permitted here", e.getMessage());
    }

    @Test
    void malformedJson() {
        PostReadException e = assertThrows(PostReadException.class, () -> FrontMatter.parse("""
                {
                  "title": "x",
                  "tags" ["a"]
                }
                """));

        assertEquals(
                "invalid JSON front matter at line 3: Unexpected character ('[' (code 91)):"
                        + " was expecting a colon to separate field name and value",
                e.getMessage());
    }

    @Test
    void frontMatterThatIsNotAMap() {
        PostReadException list = assertThrows(PostReadException.class, () -> FrontMatter.parse("---\n- a\n- b\n---\n"));
        PostReadException scalar =
                assertThrows(PostReadException.class, () -> FrontMatter.parse("---\njust words\n---\n"));

        assertEquals(
                "invalid YAML front matter: it must be a map of keys to values (like title: ...),"
                        + " but it is a list",
                list.getMessage());
        assertEquals(
                "invalid YAML front matter: it must be a map of keys to values (like title: ...),"
                        + " but it is a single text value",
                scalar.getMessage());
    }

    @Test
    void unclosedDelimiters() {
        PostReadException yaml =
                assertThrows(PostReadException.class, () -> FrontMatter.parse("---\ntitle: x\n\nbody\n"));
        PostReadException toml = assertThrows(PostReadException.class, () -> FrontMatter.parse("+++\ntitle = \"x\"\n"));
        PostReadException json = assertThrows(PostReadException.class, () -> FrontMatter.parse("{\"title\": \"}\"\n"));

        assertEquals(
                "YAML front matter opened with --- at line 1 is never closed:"
                        + " add a line with --- after the last front matter line",
                yaml.getMessage());
        assertEquals(
                "TOML front matter opened with +++ at line 1 is never closed:"
                        + " add a line with +++ after the last front matter line",
                toml.getMessage());
        assertEquals("JSON front matter opened with { at line 1 is never closed: no matching }", json.getMessage());
    }

    @Test
    void tooDeeplyNestedFrontMatterIsAnErrorNotACrash() {
        String toml = "+++\na = " + "[".repeat(5000) + "\n+++\n";

        PostReadException e = assertThrows(PostReadException.class, () -> FrontMatter.parse(toml));

        assertEquals("invalid TOML front matter: it is nested too deeply or a value is too large", e.getMessage());
    }
}
