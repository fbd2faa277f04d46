package dev.footnote.language;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;

import dev.footnote.index.Index;
import dev.footnote.index.UnknownWords;
import io.quarkus.arc.DefaultBean;

/**
 * Tells a question written in another language from an English one. The essays are English and questions
 * are read as English, so a question in German or Spanish finds nothing; saying so is more useful than
 * saying the essays are silent.
 *
 * <p>Two signals must agree, because each alone fails on short questions:
 * <ul>
 *   <li>the character n-gram profiles of the Optimaize language detector name another language (alone, they
 *   also call "project zero disclosure deadline how many days" Polish);</li>
 *   <li>at least {@value #MIN_UNKNOWN_WORDS} words of the question, and a third of them, occur in no essay (alone,
 *   that also holds for an English question about a subject the essays never mention).</li>
 * </ul>
 * Chosen on the tune questions (the writers' training split and the older tune sets): the questions in six other
 * languages have at least three unknown words of five or more, while the English fragments the detector misreads
 * ("where does goedecke work", "goedecke def of taste") have one or two, a name or an abbreviation. Of the
 * 698 training questions, 1 is still read as another language, against 15 when a third of the words alone
 * decided. A foreign question with fewer unknown words is read as English, and is answered or declined as such.
 */
@Singleton
@DefaultBean
public class QuestionLanguage implements LanguageCheck {

    static final int MIN_UNKNOWN_WORDS = 3;
    static final double MIN_UNKNOWN_SHARE = 1.0 / 3;
    static final double MIN_PROBABILITY = 0.5;

    private final Index index;
    private final LanguageDetector detector;
    private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingShortCleanText();

    @Inject
    public QuestionLanguage(Index index) {
        this.index = index;
        try {
            this.detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .withProfiles(new LanguageProfileReader().readAllBuiltIn()).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the language profiles", e);
        }
    }

    /**
     * Whether {@code question} is surely written in another language than English. Which one is not said:
     * on a short question the detector often names a neighbour (Afrikaans for German).
     */
    @Override
    public boolean isOtherLanguage(String question) {
        List<DetectedLanguage> found = detector.getProbabilities(texts.forText(question));
        if (found.isEmpty()) {
            return false;
        }
        DetectedLanguage best = found.get(0);
        return !best.getLocale().getLanguage().equals("en") && best.getProbability() >= MIN_PROBABILITY
                && isMostlyUnknown(index.unknownWords(question));
    }

    private static boolean isMostlyUnknown(UnknownWords words) {
        return words.unknown() >= MIN_UNKNOWN_WORDS && words.share() >= MIN_UNKNOWN_SHARE;
    }
}
