package dev.blogsearch.cli;

import dev.blogsearch.analysis.BlogAnalyzer;
import dev.blogsearch.analysis.DictionarySeeds;
import dev.blogsearch.analysis.UserDictionary;
import dev.blogsearch.indexer.content.HugoPostReader;
import dev.blogsearch.indexer.content.Post;
import dev.blogsearch.indexer.content.PostReadException;
import dev.blogsearch.indexer.index.IndexSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code blog-indexer --suggest-words}: seeds the owner's dictionary from the blog itself. Prints, in the dictionary
 * file's format, the Chinese tags, categories and recurring title phrases that the current analyzer (glossary and
 * owner's file included) would cut into pieces, so the owner can review them and append them to the file.
 */
final class WordSuggestions {

    private WordSuggestions() {}

    /** Prints the proposals for the blog in {@code contentDir}; returns how many there were. */
    static int print(Path contentDir, IndexSettings settings, PrintWriter out) throws IOException {
        HugoPostReader reader = settings.newReader();
        Path root = contentDir.toAbsolutePath().normalize();
        List<String> labels = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        int unreadable = 0;
        for (Path file : reader.listPosts(root)) {
            try {
                Post post = reader.read(root, file);
                labels.addAll(post.tags());
                labels.addAll(post.categories());
                titles.add(post.title());
            } catch (PostReadException e) {
                unreadable++;
            }
        }
        Map<String, String> proposals = new DictionarySeeds(
                        new BlogAnalyzer(UserDictionary.load(settings.dictionaries())))
                .propose(labels, titles);
        out.printf(
                Locale.ROOT,
                "# Words the analyzer cuts into pieces, from the tags, categories and titles of %d posts" + "%s.%n",
                titles.size(),
                unreadable > 0 ? " (" + unreadable + " unreadable posts left out)" : "");
        out.printf(
                Locale.ROOT,
                "# Review them, then append the ones you want to your dictionary file (--dictionary, BLOGSEARCH_DICTIONARY)"
                        + " and reindex.%n");
        proposals.forEach((word, why) -> out.printf(Locale.ROOT, "%s  # %s%n", word, why));
        return proposals.size();
    }
}
