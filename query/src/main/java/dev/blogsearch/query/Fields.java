package dev.blogsearch.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists of strings as one line of text and back, lists in lists included: what travels between a collection's
 * shards as a request parameter or a response value. The count comes first, then each item with its backslashes,
 * tabs and line breaks escaped, each after a tab.
 */
final class Fields {

    private Fields() {}

    static String encode(List<String> items) {
        StringBuilder out = new StringBuilder().append(items.size());
        for (String item : items) {
            out.append('\t');
            for (int i = 0; i < item.length(); i++) {
                char c = item.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    default -> out.append(c);
                }
            }
        }
        return out.toString();
    }

    static List<String> decode(String line) {
        int tab = line.indexOf('\t');
        int count;
        try {
            count = Integer.parseInt(tab < 0 ? line : line.substring(0, tab));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an encoded list: " + shortened(line), e);
        }
        List<String> items = new ArrayList<>(count);
        StringBuilder item = new StringBuilder();
        for (int i = tab + 1; tab >= 0 && i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                items.add(item.toString());
                item.setLength(0);
            } else if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                item.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
            } else {
                item.append(c);
            }
        }
        if (tab >= 0) {
            items.add(item.toString());
        }
        if (items.size() != count) {
            throw new IllegalArgumentException(
                    "an encoded list of " + count + " items has " + items.size() + ": " + shortened(line));
        }
        return items;
    }

    private static String shortened(String line) {
        return line.length() <= 80 ? line : line.substring(0, 80) + "...";
    }
}
