package dev.footnote.index;

/** The index is being built for the first time: nothing is served yet, but it will be soon. */
public class IndexBuildingException extends IndexException {

    private final int essaysDone;
    private final int essaysTotal;

    public IndexBuildingException(int essaysDone, int essaysTotal) {
        super(essaysTotal == 0 ? "Footnote is indexing the essays; try again in a few seconds"
                : "Footnote is indexing the essays (" + essaysDone + " of " + essaysTotal
                        + "); try again in a few seconds");
        this.essaysDone = essaysDone;
        this.essaysTotal = essaysTotal;
    }

    public int essaysDone() {
        return essaysDone;
    }

    public int essaysTotal() {
        return essaysTotal;
    }
}
