package dev.listwire.feedback;

/**
 * How far the mailbox has been read: IMAP UIDs only grow within one UIDVALIDITY (RFC 9051, 2.3.1.1), so
 * "new since the last run" is every UID above {@code lastUid} while the validity is the same. When the
 * validity changes the mailbox is read again from the start; reports already acted on are recognised.
 */
record MailboxCursor(long uidValidity, long lastUid) {

    static MailboxCursor start(long uidValidity) {
        return new MailboxCursor(uidValidity, 0);
    }

    MailboxCursor after(long uid) {
        return new MailboxCursor(uidValidity, Math.max(lastUid, uid));
    }
}
