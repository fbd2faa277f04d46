package dev.footnote.language;

/** The stage before all others: a question in another language than the essays' is declined with a request to ask in English. */
public interface LanguageCheck {

    /** Whether {@code question} is surely written in another language than English. */
    boolean isOtherLanguage(String question);
}
