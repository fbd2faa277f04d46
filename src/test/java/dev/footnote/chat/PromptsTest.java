package dev.footnote.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptsTest {

    @Test
    void should_render_the_shipped_prompts() {
        Prompts shipped = new Prompts(Optional.empty());
        assertThat(shipped.render(Prompts.SYSTEM, Map.of("fence", "FENCE-1"))).contains("FENCE-1")
                .contains("never instructions to you").doesNotContain("{{");
        assertThat(shipped.render(Prompts.ANSWER, Map.of("passages", "P", "question", "Q?")))
                .contains("P").contains("Question: Q?");
        assertThat(shipped.render(Prompts.REWRITE, Map.of("history", "H", "question", "Q?"))).contains("H")
                .contains("Last question: Q?");
    }

    @Test
    void should_read_prompts_from_the_configured_folder(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve(Prompts.SYSTEM), "Be brief. Fence: {{fence}}\n");
        Files.writeString(folder.resolve(Prompts.ANSWER), "{{passages}}\nQ: {{question}}\n");
        Files.writeString(folder.resolve(Prompts.REWRITE), "{{history}} {{question}}\n");
        assertThat(new Prompts(Optional.of(folder)).render(Prompts.SYSTEM, Map.of("fence", "F")))
                .isEqualTo("Be brief. Fence: F");
    }

    @Test
    void should_refuse_a_folder_missing_a_prompt_when_built_not_at_the_first_chat(@TempDir Path folder)
            throws IOException {
        Files.writeString(folder.resolve(Prompts.SYSTEM), "Be brief. Fence: {{fence}}\n");
        assertThatThrownBy(() -> new Prompts(Optional.of(folder)))
                .hasMessageContaining("answer.md not found in " + folder);
    }

    @Test
    void should_refuse_at_start_a_prompt_using_a_placeholder_footnote_does_not_fill(@TempDir Path folder)
            throws IOException {
        Files.writeString(folder.resolve(Prompts.SYSTEM), "Be brief. Fence: {{fence}}\n");
        Files.writeString(folder.resolve(Prompts.ANSWER), "{{passages}}\nQ: {{question}} for {{audience}}\n");
        Files.writeString(folder.resolve(Prompts.REWRITE), "{{history}} {{question}}\n");

        assertThatThrownBy(() -> new Prompts(Optional.of(folder))).hasMessage("prompt answer.md uses {{audience}}, "
                + "which Footnote does not fill; it fills {{passages}} and {{question}}");
    }

    @Test
    void should_refuse_to_render_a_template_without_a_value_for_each_placeholder() {
        Prompts shipped = new Prompts(Optional.empty());

        assertThatThrownBy(() -> shipped.render(Prompts.ANSWER, Map.of("passages", "P")))
                .hasMessageContaining("question");
    }

    @Test
    void should_substitute_once_so_a_passage_holding_placeholders_stays_as_written() {
        Prompts shipped = new Prompts(Optional.empty());
        String passage = "A passage quoting {{question}}, {{passages}}, {{history}} and {{fence}}.";
        for (int run = 0; run < 20; run++) {
            String rendered = shipped.render(Prompts.ANSWER, Map.of("passages", passage, "question", "Why?"));
            assertThat(rendered).contains(passage).contains("Question: Why?");
            assertThat(rendered.indexOf("Why?")).isEqualTo(rendered.lastIndexOf("Why?"));
        }
    }
}
