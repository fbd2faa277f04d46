package dev.footnote.chat;

import java.util.ArrayList;
import java.util.List;

import dev.footnote.search.PassageHit;

/**
 * Sends the passages an answer may cite just before its first token, so that an answerer that declines
 * (it finds no sentence stating the fact) streams no citations at all, only the refusal.
 */
final class CitationsFirst implements TokenSink {

    private final ChatListener listener;
    private final List<PassageHit> passages;
    private boolean started;

    CitationsFirst(ChatListener listener, List<PassageHit> passages) {
        this.listener = listener;
        this.passages = passages;
    }

    @Override
    public void accept(String text) {
        if (!started) {
            started = true;
            List<Citation> candidates = new ArrayList<>();
            for (int i = 0; i < passages.size(); i++) {
                candidates.add(Citation.of(i + 1, i + 1, passages.get(i).text(), passages.get(i)));
            }
            listener.citations(candidates);
        }
        listener.token(text);
    }

    void decline(String refusal) {
        if (!started) {
            started = true;
            listener.citations(List.of());
        }
        listener.token(refusal);
    }

    @Override
    public boolean abandoned() {
        return listener.abandoned();
    }
}
