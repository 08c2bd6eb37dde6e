package dev.blogsearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.analysis.TextFolding;
import dev.blogsearch.indexer.content.HugoSiteConfig;
import dev.blogsearch.schema.FacetLabels;
import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a Hugo site adds to each post's document: language, translations, link title, aliases, taxonomies. */
class SiteFieldsIndexTest {

    @TempDir
    Path site;

    private void write(String relative, String text) throws IOException {
        Path file = site.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private void bilingualBlog() throws IOException {
        write("hugo.toml", """
                defaultContentLanguage = "zh"
                [languages.zh]
                  weight = 1
                [languages.en]
                  weight = 2
                [taxonomies]
                  tag = "tags"
                  series = "series"
                """);
        write("content/posts/kettle.md", """
                ---
                title: 烧水壶评测
                linkTitle: 水壶
                series: [厨房笔记]
                aliases: [/old/kettle/]
                ---
                正文
                """);
        write("content/posts/kettle.en.md", """
                ---
                title: A kettle review
                series: [Kitchen Notes, kitchen notes]
                ---
                Text
                """);
    }

    private IndexRunSummary index() throws Exception {
        SiteSettings.Resolved resolved = SiteSettings.resolve(
                HugoSiteConfig.read(site),
                new SiteSettings.Given(null, List.of(), null, false, false, false, 2, false, List.of()),
                setting -> setting);
        return new BlogIndexer(resolved.settings()).update(resolved.contentDir(), site.resolve("index"));
    }

    private List<Document> search(Query query) throws IOException {
        try (Directory directory = FSDirectory.open(site.resolve("index"));
                DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            List<Document> found = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, 10).scoreDocs) {
                found.add(searcher.storedFields().document(hit.doc));
            }
            return found;
        }
    }

    private List<String> ids(Query query) throws IOException {
        return search(query).stream()
                .map(doc -> doc.get(PostFields.ID))
                .sorted()
                .toList();
    }

    @Test
    void eachPostHasItsLanguageAndTheKeyOfItsTranslations() throws Exception {
        bilingualBlog();
        index();
        assertThat(ids(new TermQuery(new Term(PostFields.LANG, "en")))).containsExactly("en/posts/kettle");
        assertThat(ids(new TermQuery(new Term(PostFields.TRANSLATION_KEY, "posts/kettle"))))
                .containsExactly("en/posts/kettle", "posts/kettle");
        assertThat(facetLabels(PostFields.LANGUAGE_FACET)).containsExactly("en", "zh");
    }

    @Test
    void theLinkTitleIsSearchableAndAliasesAreStored() throws Exception {
        bilingualBlog();
        index();
        Query linkTitle = new QueryBuilder(PostAnalyzer.withGlossary()).createBooleanQuery(PostFields.LINK_TITLE, "水壶");
        assertThat(ids(linkTitle)).containsExactly("posts/kettle");
        Document kettle =
                search(new TermQuery(new Term(PostFields.ID, "posts/kettle"))).get(0);
        assertThat(kettle.getValues(PostFields.ALIASES)).containsExactly("/old/kettle/");
    }

    @Test
    void aCustomTaxonomyIsAFilterAndAFacetLikeTags() throws Exception {
        bilingualBlog();
        index();
        String key = PostFields.taxonomyKeyField("series");
        assertThat(ids(new TermQuery(new Term(key, TextFolding.key("Kitchen notes")))))
                .containsExactly("en/posts/kettle");
        assertThat(facetLabels(PostFields.taxonomyFacetField("series"))).containsExactly("kitchen notes", "厨房笔记");
        Document english = search(new TermQuery(new Term(PostFields.ID, "en/posts/kettle")))
                .get(0);
        assertThat(english.getValues(PostFields.taxonomyField("series"))).containsExactly("Kitchen Notes");
        try (Directory directory = FSDirectory.open(site.resolve("index"))) {
            IndexMetadata metadata = IndexMetadata.read(directory).orElseThrow();
            assertThat(metadata.taxonomies()).containsExactly("series");
            assertThat(metadata.defaultLanguage()).isEqualTo("zh");
        }
    }

    @Test
    void aChangedLanguageSettingRebuildsTheIndex() throws Exception {
        bilingualBlog();
        index();
        write("hugo.toml", "defaultContentLanguageInSubdir = true\n" + Files.readString(site.resolve("hugo.toml")));
        IndexRunSummary summary = index();
        assertThat(summary.kind()).isEqualTo(RunKind.SETTINGS_CHANGED);
        Document kettle =
                search(new TermQuery(new Term(PostFields.ID, "posts/kettle"))).get(0);
        assertThat(kettle.get(PostFields.URL)).isEqualTo("/zh/posts/kettle/");
    }

    /** The keys of a facet field's labels over the whole index, sorted. */
    private List<String> facetLabels(String field) throws IOException {
        List<String> keys = new ArrayList<>();
        try (Directory directory = FSDirectory.open(site.resolve("index"));
                DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                SortedSetDocValues values = leaf.reader().getSortedSetDocValues(field);
                for (long ord = 0; values != null && ord < values.getValueCount(); ord++) {
                    String key = FacetLabels.decode(values.lookupOrd(ord)).key();
                    if (!keys.contains(key)) {
                        keys.add(key);
                    }
                }
            }
        }
        keys.sort(String::compareTo);
        return keys;
    }
}
