package dev.footnote.search;

/** More searches were waiting than the database could take in time: the client should ask again shortly. */
public class SearchesBusyException extends RuntimeException {

    public SearchesBusyException() {
        super("too many searches at once; try again in a moment");
    }
}
