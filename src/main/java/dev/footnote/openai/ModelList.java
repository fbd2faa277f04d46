package dev.footnote.openai;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /v1/models}: the one model, {@code footnote}. */
@Schema(name = "ModelList")
record ModelList(String object, List<Model> data) {

    static ModelList of(Model model) {
        return new ModelList("list", List.of(model));
    }

    /** A model as OpenAI describes it; {@code created} is when this server started. */
    @Schema(name = "Model")
    record Model(String id, String object, long created, @JsonProperty("owned_by") String ownedBy) {

        static Model footnote(long created) {
            return new Model(OpenAiResource.MODEL, "model", created, "footnote");
        }
    }
}
