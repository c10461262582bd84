package dev.listwire.feedback;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the feedback function acts on what comes back.
 *
 * @param table           its own state: the mailbox cursor, the reports acted on, the soft bounces counted
 * @param transientLimit  soft bounces (delays, {@code 4.x.x} failures) of one address within
 *                        {@code transientDays} that suppress it
 * @param transientDays   the window the soft bounces are counted over
 * @param reportDays      how long a report acted on is remembered, so that reading it again changes nothing;
 *                        longer than a DSN takes to come back (days) and than SES keeps retrying
 * @param memberTables    {@code <list>=<table>} pairs separated by commas, for the lists whose members table is
 *                        not named after the list (Terraform sets it for every list)
 * @param dlqUrl          where an SES notification that is not one goes, with its reason; the SES source
 *                        refuses to start without it, the mailbox source does not use it
 */
@ConfigurationProperties("listwire.feedback")
public record FeedbackConfiguration(
        @Bindable(defaultValue = "listwire-feedback") String table,
        @Bindable(defaultValue = "3") int transientLimit,
        @Bindable(defaultValue = "30") int transientDays,
        @Bindable(defaultValue = "60") int reportDays,
        @Nullable String memberTables,
        @Nullable String dlqUrl) {

    public FeedbackConfiguration {
        if (transientLimit < 1) {
            throw new IllegalArgumentException(
                    "listwire.feedback.transient-limit must be 1 or more, was " + transientLimit);
        }
        if (transientDays < 1 || reportDays < 1) {
            throw new IllegalArgumentException("listwire.feedback.transient-days and report-days must be 1 or more");
        }
    }

    /** The members table of a list: as configured, else the list's own name (the devstack's and Terraform's). */
    public String membersTable(String list) {
        return memberTableMap().getOrDefault(list, list);
    }

    private Map<String, String> memberTableMap() {
        Map<String, String> tables = new LinkedHashMap<>();
        if (memberTables != null) {
            for (String pair : memberTables.split(",")) {
                String[] listAndTable = pair.strip().split("=", 2);
                if (listAndTable.length == 2 && !listAndTable[0].isBlank()) {
                    tables.put(listAndTable[0].strip(), listAndTable[1].strip());
                }
            }
        }
        return tables;
    }
}
