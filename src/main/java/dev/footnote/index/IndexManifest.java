package dev.footnote.index;

/**
 * What an index was built with. Vectors from another model, or passages cut by other rules, cannot be mixed
 * with these, so an index whose manifest differs from the running configuration is neither served nor
 * updated until {@code reindex --full} rebuilds it.
 */
public record IndexManifest(String embeddingModel, int dimension, String passageSettings) {

    public String describe() {
        return embeddingModel + " (" + dimension + " dimensions), passages " + passageSettings;
    }
}
