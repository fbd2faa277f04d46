package dev.footnote.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The settings that choose a stage are enums: written in lower case as the documentation spells them, and a value
 * that names no stage stops the start with the key and the value it could not read.
 */
class SettingNamesTest {

    @Test
    void should_read_each_stage_as_it_is_documented() {
        FootnoteConfig config = config(Map.of("footnote.llm.provider", "openai", "footnote.rerank.provider", "reader",
                "footnote.search.fusion", "rrf", "footnote.search.retrievers", "keywords"));

        assertThat(config.llm().provider()).isEqualTo(LlmProvider.OPENAI);
        assertThat(config.llm().provider().id()).isEqualTo("openai");
        assertThat(config.rerank().provider()).isEqualTo(RerankProvider.READER);
        assertThat(config.search().fusion()).isEqualTo(SearchConfig.FusionMethod.RRF);
        assertThat(config.search().retrievers()).containsExactly(SearchConfig.Leg.KEYWORDS);
    }

    @Test
    void should_default_to_the_offline_answerer_both_legs_and_no_re_ranking() {
        FootnoteConfig config = config(Map.of());

        assertThat(config.llm().provider()).isEqualTo(LlmProvider.EXTRACTIVE);
        assertThat(config.rerank().provider()).isEqualTo(RerankProvider.NONE);
        assertThat(config.search().fusion()).isEqualTo(SearchConfig.FusionMethod.WEIGHTED);
        assertThat(config.search().retrievers()).isEqualTo(List.of(SearchConfig.Leg.EMBEDDING, SearchConfig.Leg.KEYWORDS));
    }

    @Test
    void should_refuse_a_value_that_names_no_stage_naming_the_key_and_the_value() {
        for (Map.Entry<String, String> wrong : Map.of("footnote.llm.provider", "claude", "footnote.rerank.provider",
                "cohere", "footnote.search.fusion", "borda", "footnote.search.retrievers", "embedding,bm25").entrySet()) {
            assertThatThrownBy(() -> config(Map.of(wrong.getKey(), wrong.getValue()))).as(wrong.getKey())
                    .hasMessageContaining(wrong.getKey()).hasMessageContaining(wrong.getValue().replace("embedding,", ""));
        }
    }

    @Test
    void should_say_what_is_wrong_in_the_settings_words_without_codes_or_classes() {
        assertThatThrownBy(() -> config(Map.of("footnote.llm.provider", "claude", "footnote.search.retrievers",
                "embedding,bm25")))
                .isInstanceOfSatisfying(ConfigValidationException.class, e -> assertThat(SettingProblems.describe(e))
                        .contains("footnote.llm.provider cannot be \"claude\"; it takes extractive, ollama or openai")
                        .contains("footnote.search.retrievers cannot be \"embedding,bm25\" (not \"bm25\"); it takes "
                                + "embedding or keywords")
                        .doesNotContain("SRCFG").doesNotContain("dev.footnote").doesNotContain("Exception"));
    }

    private static FootnoteConfig config(Map<String, String> values) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().addDiscoveredConverters()
                .withMapping(FootnoteConfig.class).withSources(new PropertiesConfigSource(values, "test", 500)).build();
        return config.getConfigMapping(FootnoteConfig.class);
    }
}
