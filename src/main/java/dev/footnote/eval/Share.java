package dev.footnote.eval;

import java.util.Locale;

/** How many of some questions (or groups of them) pass a check. */
public record Share(int count, int of) {

    public double value() {
        return of == 0 ? Double.NaN : (double) count / of;
    }

    @Override
    public String toString() {
        return of == 0 ? "-" : String.format(Locale.ROOT, "%d of %d (%.3f)", count, of, value());
    }
}
