package dev.listwire.common.mail;

/** What a refusal is about, and so what a list's send loop does with it (see {@link SmtpReply#verdict()}). */
public enum ReplyClass {
    /** This recipient, for good (user unknown, mailbox disabled): recorded refused for the event. */
    ADDRESS_PERMANENT,
    /**
     * A permanent refusal at {@code RCPT TO} that does not say it is about the mailbox (no {@code 5.1.x} or
     * {@code 5.2.x}): a recipient's policy, or the account's problem in disguise. Tried again later like
     * {@link #ADDRESS_TRANSIENT}, and counted: a run of them is taken for the account's problem.
     */
    ADDRESS_UNCLEAR,
    /** This recipient, for now (greylisting, mailbox full, receiving too fast): tried again later, bounded. */
    ADDRESS_TRANSIENT,
    /** The account or the connection: stop this event, record nobody, resume it later. */
    ACCOUNT
}
