package dev.footnote.index;

/** Progress of a run that fills an empty index, passed on to the caller's listener. */
final class FirstBuild implements ReindexListener {
    private final ReindexListener listener;
    private volatile int essaysDone;
    private volatile int essaysTotal;

    FirstBuild(ReindexListener listener) {
        this.listener = listener;
    }

    @Override
    public void planned(ReindexSummary plan, int essayVersions) {
        essaysTotal = essayVersions;
        listener.planned(plan, essayVersions);
    }

    @Override
    public void progressed(int essayVersions, int embedded, long tokens) {
        this.essaysDone = essayVersions;
        listener.progressed(essayVersions, embedded, tokens);
    }

    /** What a reader is told while this run fills the index: how many of its essays are written so far. */
    IndexBuildingException stillBuilding() {
        return new IndexBuildingException(essaysDone, essaysTotal);
    }
}
