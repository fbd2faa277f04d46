package dev.footnote.index;

/**
 * A served essay with its body, read in one statement so that the body and its offset {@link
 * EssayRecord#bodyStart()} always belong to the same version of the essay.
 *
 * @param body the essay's text as it stands in its source file from {@code essay.bodyStart()}
 */
public record EssayText(EssayRecord essay, String body) {
}
