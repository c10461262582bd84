package dev.listwire.feedback;

import dev.listwire.common.logging.JsonLines;
import dev.listwire.feedback.reports.MailReports;
import dev.listwire.feedback.reports.Reading;
import jakarta.inject.Singleton;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * One run over the sending account's mailbox: reads the messages that arrived since the last run (by UID),
 * acts on every DSN and ARF report it understands, and moves each of those to a folder of its own. A
 * message it does not understand is left where it is, unread, and counted in the {@code feedback-read} line;
 * nothing is ever deleted.
 */
@Singleton
public final class MailboxFeedback {

    /** A DSN quotes the original email at most; anything larger is not one listwire sent a report about. */
    private static final int MAX_REPORT_BYTES = 2 * 1024 * 1024;

    private final MailboxLogin login;
    private final MailboxConfiguration configuration;
    private final FeedbackState state;
    private final MailReports reports;
    private final FeedbackActions actions;
    private final MailboxMoves moves;
    private final JsonLines log;

    MailboxFeedback(
            MailboxLogin login,
            MailboxConfiguration configuration,
            FeedbackState state,
            MailReports reports,
            FeedbackActions actions,
            JsonLines log) {
        this.login = login;
        this.configuration = configuration;
        this.state = state;
        this.reports = reports;
        this.actions = actions;
        this.moves = new MailboxMoves(configuration.handledFolder());
        this.log = log;
    }

    /** Reads what is new; the run's counts are returned and logged. */
    public Map<String, Object> read() throws MessagingException {
        FeedbackTally tally = new FeedbackTally();
        String mailbox = login.mailbox();
        MailboxCursor cursor = null;
        try (Store store = login.connect()) {
            IMAPFolder folder = (IMAPFolder) store.getFolder(configuration.folder());
            folder.open(Folder.READ_WRITE);
            try {
                long validity = folder.getUIDValidity();
                cursor = state.cursor(mailbox)
                        .filter(saved -> saved.uidValidity() == validity)
                        .orElse(MailboxCursor.start(validity));
                for (Message message : fresh(folder, cursor)) {
                    long uid = folder.getUID(message);
                    handle(folder, message, tally);
                    cursor = cursor.after(uid);
                }
            } finally {
                if (cursor != null) {
                    state.saveCursor(mailbox, cursor);
                }
                folder.close(false);
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("source", "imap");
        fields.put("mailbox", mailbox);
        fields.put("lastUid", cursor.lastUid());
        fields.putAll(tally.fields());
        // An idle run (nothing new) is DEBUG: the schedule runs every few minutes, and a line each time would bury
        // the runs that read something; Lambda's own REPORT line still shows that it ran.
        if (tally.readSoFar() > 0) {
            log.info("feedback-read", fields);
        } else {
            log.debug("feedback-read", fields);
        }
        return fields;
    }

    /** The messages above the cursor, oldest first, at most {@code maxMessages}. */
    private Message[] fresh(IMAPFolder folder, MailboxCursor cursor) throws MessagingException {
        // "UID n:*" always answers the newest message even when its UID is below n (RFC 9051, 6.4.8): filtered.
        Message[] above = folder.getMessagesByUID(cursor.lastUid() + 1, UIDFolder.MAXUID);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.CONTENT_INFO);
        profile.add(FetchProfile.Item.SIZE);
        folder.fetch(above, profile);
        Message[] fresh = Arrays.stream(above)
                .filter(m -> m != null && uid(folder, m) > cursor.lastUid())
                .toArray(Message[]::new);
        return fresh.length > configuration.maxMessages() ? Arrays.copyOf(fresh, configuration.maxMessages()) : fresh;
    }

    private void handle(IMAPFolder folder, Message message, FeedbackTally tally) throws MessagingException {
        tally.read();
        Reading reading;
        if (!message.isMimeType("multipart/report")) {
            reading = new Reading.NotUnderstood("not a multipart/report");
        } else if (message.getSize() > MAX_REPORT_BYTES) {
            reading = new Reading.NotUnderstood("a report larger than " + MAX_REPORT_BYTES / 1024 + " KiB");
        } else {
            // The whole message in one FETCH, parsed here: one round trip instead of one per part, and no
            // reliance on how a server answers for the headers of a nested message/rfc822 part.
            reading = reports.read(new MimeMessage((MimeMessage) message));
        }
        if (reading instanceof Reading.Understood understood) {
            actions.actOn(understood, tally);
            moves.move(folder, message);
            tally.moved();
        } else if (reading instanceof Reading.NotUnderstood why) {
            tally.notUnderstood(why.why());
        }
    }

    private static long uid(IMAPFolder folder, Message message) {
        try {
            return folder.getUID(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("the mailbox gave no UID for message " + message.getMessageNumber(), e);
        }
    }
}
