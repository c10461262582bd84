package dev.listwire.feedback;

import dev.listwire.testkit.TestMailServer;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The sending account's mailbox on GreenMail, seen the way a mail client sees it: over IMAP. Reports are put
 * into it with APPEND, as a DSN arriving would put them; the tests look at what is where, and what is unread.
 */
final class SendingMailbox {

    record Seen(String subject, boolean read) {}

    private final TestMailServer mail;

    SendingMailbox(TestMailServer mail) {
        this.mail = mail;
    }

    void deliver(MimeMessage... messages) throws MessagingException {
        try (Store store = connect()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.appendMessages(messages);
        }
    }

    /** The subjects in a folder, oldest first, and whether each is marked read; empty when it does not exist. */
    List<Seen> in(String folderName) throws MessagingException {
        List<Seen> seen = new ArrayList<>();
        try (Store store = connect()) {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return seen;
            }
            folder.open(Folder.READ_ONLY);
            for (Message message : folder.getMessages()) {
                seen.add(new Seen(message.getSubject(), message.isSet(Flags.Flag.SEEN)));
            }
            folder.close(false);
        }
        return seen;
    }

    private Store connect() throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", mail.imapPort(), TestMailServer.USER, TestMailServer.PASSWORD);
        return store;
    }
}
