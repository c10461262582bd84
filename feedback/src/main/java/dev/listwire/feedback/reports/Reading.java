package dev.listwire.feedback.reports;

import java.util.List;

/** What a parser made of one message (an email in the mailbox, or one SES notification). */
public sealed interface Reading {

    /**
     * A report it understood.
     *
     * @param format  {@code dsn}, {@code arf} or {@code ses}: for the log line's counts
     * @param reports one per recipient the report names
     */
    record Understood(String format, List<FeedbackReport> reports) implements Reading {}

    /**
     * Not a report, or not one listwire can act on safely: the message is left where it is, and counted.
     *
     * @param why one line, for the log
     */
    record NotUnderstood(String why) implements Reading {}
}
