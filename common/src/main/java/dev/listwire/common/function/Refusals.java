package dev.listwire.common.function;

import jakarta.inject.Singleton;

/**
 * The SMTP server's refusals, past and coming, for one list: the suppression list that earlier refusals for
 * good filled (whose addresses a run skips) and the settings for what a run does with new refusals.
 */
@Singleton
final class Refusals {

    private final ListSuppressions suppressions;
    private final RefusalConfiguration configuration;

    Refusals(ListSuppressions suppressions, RefusalConfiguration configuration) {
        this.suppressions = suppressions;
        this.configuration = configuration;
    }

    /** The suppression list, as this list's runs read it. */
    ListSuppressions suppressions() {
        return suppressions;
    }

    /** What one run does with refusals: it resumes {@code from}, whose deferrals in a row it goes on counting. */
    RunRefusals forRun(EventIdentity id, RecipientLines lines, Continuation from) {
        return new RunRefusals(configuration, from.deferrals(), suppressions.onRefusal(id, lines));
    }
}
