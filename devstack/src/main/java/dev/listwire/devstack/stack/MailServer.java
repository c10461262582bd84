package dev.listwire.devstack.stack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * GreenMail, embedded: SMTP and IMAP on the devstack's ports. Every recipient gets a mailbox whose IMAP
 * user and password are the address; the list functions log in as {@link LocalEndpoints#SMTP_USER}.
 */
public final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;
    private volatile List<MimeMessage> atStop;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static MailServer start(int smtpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        greenMail.setUser(LocalEndpoints.SMTP_USER, LocalEndpoints.SMTP_USER, LocalEndpoints.SMTP_USER);
        greenMail.start();
        return new MailServer(greenMail);
    }

    /** Every message received since the devstack started, oldest first (after a stop: until the stop). */
    public List<MimeMessage> received() {
        return atStop != null ? atStop : List.of(greenMail.getReceivedMessages());
    }

    @Override
    public void close() {
        atStop = List.of(greenMail.getReceivedMessages());
        greenMail.stop();
    }
}
