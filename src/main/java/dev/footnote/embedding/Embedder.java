package dev.footnote.embedding;

import java.util.List;

/** Turns texts into unit-length vectors; the i-th vector belongs to the i-th text. */
@FunctionalInterface
public interface Embedder {

    List<float[]> embed(List<String> texts);
}
