package dev.listwire.feedback;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Moves a report that was acted on into the handled folder, creating it when missing. IMAP MOVE (RFC 6851)
 * where the server has it (Gmail does); else a copy, and the original removed by UID EXPUNGE (UIDPLUS) so
 * that no other message marked deleted is expunged with it; without UIDPLUS the original stays.
 */
final class MailboxMoves {

    private final String handledFolder;

    MailboxMoves(String handledFolder) {
        this.handledFolder = handledFolder;
    }

    void move(IMAPFolder from, Message message) throws MessagingException {
        Folder to = handled(from);
        IMAPStore store = (IMAPStore) from.getStore();
        Message[] one = {message};
        if (store.hasCapability("MOVE")) {
            from.moveMessages(one, to);
            return;
        }
        from.copyMessages(one, to);
        if (store.hasCapability("UIDPLUS")) {
            message.setFlag(Flags.Flag.DELETED, true);
            from.expunge(one);
        }
    }

    private Folder handled(IMAPFolder from) throws MessagingException {
        Folder to = from.getStore().getFolder(handledFolder);
        if (!to.exists() && !to.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("cannot create the folder " + handledFolder + " for the reports acted on");
        }
        return to;
    }
}
