package dev.blogsearch.indexer.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The raw Markdown {@link TemplateTags} hands to the parser: where lines go, and what is left alone. */
class TemplateTagsTest {

    @Test
    void aTagAloneOnItsLineTakesTheLineWithIt() {
        assertEquals("""
                <div>
                    <p>kept</p>
                </div>
                """, TemplateTags.strip("""
                <div>
                  {% if x %}
                    <p>kept</p>
                  {% endif %}
                </div>
                """));
    }

    @Test
    void tagsInsideALineLeaveTheRestOfTheLine() {
        assertEquals("a  b {{ x }} c\n", TemplateTags.strip("a {{< ref \"x\" >}} b {{ x }} c\n"));
        assertEquals("a  b  c\n", TemplateTags.strip("a {% link x.md %} b {{ x }} c\n"));
    }

    @Test
    void highlightBecomesAFenceOnItsOwnLines() {
        assertEquals("""
                Text
                `````go
                x := 1
                `````
                """, TemplateTags.strip("""
                Text
                {{< highlight go "linenos=table" >}}
                x := 1
                {{< /highlight >}}
                """));
        assertEquals(
                "before \n`````c\nint x;\n`````\n after\n",
                TemplateTags.strip("before {% highlight c %}int x;{% endhighlight %} after\n"));
    }

    @Test
    void rawContentIsVerbatimEvenWithoutEndRaw() {
        assertEquals("{{ a }} {% b %}\n", TemplateTags.strip("{% raw %}\n{{ a }} {% b %}\n{% endraw %}\n"));
        assertEquals("{{ a }} {% b %}\n", TemplateTags.strip("{%- raw -%}\n{{ a }} {% b %}\n"));
    }

    @Test
    void unclosedOrOverlongTagsStayText() {
        String unclosed = "Go's {{< is not closed\nand {% neither\n";
        String overlong = "{{< x " + "y".repeat(TemplateTags.MAX_TAG_LENGTH) + " >}}";

        assertEquals(unclosed, TemplateTags.strip(unclosed));
        assertEquals(overlong, TemplateTags.strip(overlong));
        assertEquals("{%d} and 50%} stay\n", TemplateTags.strip("{%d} and 50%} stay\n"));
    }
}
