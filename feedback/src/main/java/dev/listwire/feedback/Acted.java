package dev.listwire.feedback;

/** What acting on one report did: the log line counts these. */
enum Acted {
    /** The address is on the suppression list now (a hard bounce, a complaint, soft bounces past the limit). */
    SUPPRESSED("suppressed"),
    /** A soft bounce, counted; the address is not suppressed yet. */
    COUNTED("counted"),
    /** A delivery report: nothing to do. */
    NOTHING("nothing"),
    /** Acted on already, from an earlier reading of the same report. */
    DUPLICATE("duplicate");

    final String logName;

    Acted(String logName) {
        this.logName = logName;
    }
}
