package dev.footnote.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import dev.footnote.search.PassageHit;

/**
 * Turns the exchanges a client keeps (an OpenAI-style request's messages) into the turns a stored conversation
 * would have kept, so that a follow-up is resolved alike either way.
 *
 * <p>A stored turn remembers who its answer cited first, for "he" and "that essay" next; an exchange has
 * only text. So the previous exchange is made standalone by the pronoun rules (no model is asked) and
 * retrieved once, and the essay its answer cited first is taken to be the retrieved essay whose title the
 * answer names first (a list of sources names them in citation order), else the best passage's essay. An
 * answer without any {@code [n]} cited nothing. Older exchanges keep their questions as asked, for the
 * authors the user named and for a model's rewrite.
 */
final class ExchangeHistory {

    private final QueryResolver resolver;
    private final BiFunction<ResolvedQuestion, Optional<Integer>, List<PassageHit>> context;

    /** {@code context}: the passages an answer to a resolved question could cite, {@code k} of them. */
    ExchangeHistory(QueryResolver resolver, BiFunction<ResolvedQuestion, Optional<Integer>, List<PassageHit>> context) {
        this.resolver = resolver;
        this.context = context;
    }

    List<Turn> turns(List<Exchange> earlier, Optional<Integer> k) {
        List<Turn> history = new ArrayList<>();
        for (int i = 0; i < earlier.size(); i++) {
            Exchange exchange = earlier.get(i);
            history.add(i < earlier.size() - 1
                    ? new Turn(exchange.question(), exchange.question(), exchange.answer(), null, null)
                    : previousTurn(exchange, List.copyOf(history), k));
        }
        return history;
    }

    /** The turn a stored conversation would have kept for {@code exchange}, derived from its text. */
    private Turn previousTurn(Exchange exchange, List<Turn> before, Optional<Integer> k) {
        ResolvedQuestion resolved = resolver.byRules(exchange.question(), before);
        Optional<PassageHit> cited = Optional.empty();
        if (Draft.hasMarker(exchange.answer())) {
            List<PassageHit> passages = context.apply(resolved, k);
            cited = passages.stream().filter(p -> p.essay().title() != null
                    && exchange.answer().contains(p.essay().title()))
                    .min(Comparator.comparingInt(p -> exchange.answer().indexOf(p.essay().title())))
                    .or(() -> passages.stream().findFirst());
        }
        return new Turn(exchange.question(), resolved.text(), exchange.answer(),
                cited.map(p -> p.essay().author()).orElse(null), cited.map(p -> p.essay().id()).orElse(null));
    }
}
