package dev.footnote.verify;

/** A check of citations ran past its time budget; the message says how far it got. */
public class VerificationBudgetException extends RuntimeException {

    public VerificationBudgetException(String message) {
        super(message);
    }
}
