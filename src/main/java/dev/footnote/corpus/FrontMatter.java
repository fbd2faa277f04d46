package dev.footnote.corpus;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The metadata block at the top of a Markdown file: YAML between {@code ---} lines, or TOML between {@code +++}
 * lines, as static site generators write it. Read: {@code title}, {@code author} (a name, a list of names or an
 * object with a {@code name}), {@code date}, and {@code url} or {@code permalink}.
 *
 * @param bodyStart where the Markdown after the block starts in the file (0 without a block)
 */
record FrontMatter(String title, String author, String date, String url, int bodyStart) {

    private static final Pattern BLOCK = Pattern.compile("\\A\\uFEFF?(---|\\+\\+\\+)[ \\t]*\\r?\\n(.*?)\\r?\\n"
            + "(?:\\1|\\.\\.\\.)[ \\t]*(?:\\r?\\n|\\z)", Pattern.DOTALL);
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper TOML = new TomlMapper();

    static FrontMatter of(String raw) {
        Matcher block = BLOCK.matcher(raw);
        if (!block.find()) {
            return new FrontMatter(null, null, null, null, 0);
        }
        JsonNode fields;
        try {
            fields = (block.group(1).equals("---") ? YAML : TOML).readTree(block.group(2));
        } catch (IOException e) {
            throw new CorpusException("front matter that is not valid " + (block.group(1).equals("---") ? "YAML"
                    : "TOML"));
        }
        if (fields == null || !fields.isObject()) {
            return new FrontMatter(null, null, null, null, block.end());
        }
        return new FrontMatter(text(fields.get("title")), author(fields.get("author")), text(fields.get("date")),
                text(fields.has("url") ? fields.get("url") : fields.get("permalink")), block.end());
    }

    private static String author(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : author(node.get(0));
        }
        if (node.isObject()) {
            return text(node.get("name"));
        }
        return text(node);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String text = node.asText().strip();
        return text.isEmpty() ? null : text;
    }
}
