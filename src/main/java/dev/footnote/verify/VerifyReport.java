package dev.footnote.verify;

import java.util.List;

/**
 * The re-checked citations of one answer.
 *
 * @param verified {@code true} when every citation is {@code exact} or {@code moved}
 */
public record VerifyReport(boolean verified, int exact, int moved, int changed, int missing,
        List<QuoteCheck> citations) {

    static VerifyReport of(List<QuoteCheck> checks) {
        return new VerifyReport(checks.stream().allMatch(c -> c.status().holds()), count(checks, QuoteStatus.EXACT),
                count(checks, QuoteStatus.MOVED), count(checks, QuoteStatus.CHANGED),
                count(checks, QuoteStatus.MISSING), List.copyOf(checks));
    }

    private static int count(List<QuoteCheck> checks, QuoteStatus status) {
        return (int) checks.stream().filter(c -> c.status() == status).count();
    }
}
