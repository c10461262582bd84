package dev.listwire.devstack.stack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Optional;

/**
 * Where the devstack's mail goes. Usually GreenMail, embedded: SMTP and IMAP on the devstack's ports, every
 * recipient a mailbox whose IMAP user and password are the address; the list functions log in as
 * {@link LocalEndpoints#SMTP_USER}. With {@code --smtp} no GreenMail runs: mail goes to a real server and
 * nothing is captured, which the banner and the mail viewer say rather than show an empty inbox.
 */
public final class MailServer implements AutoCloseable {

    private final Optional<GreenMail> greenMail;
    private final Optional<SmtpRelay> relay;
    private volatile List<MimeMessage> atStop;

    private MailServer(Optional<GreenMail> greenMail, Optional<SmtpRelay> relay) {
        this.greenMail = greenMail;
        this.relay = relay;
    }

    static MailServer start(int smtpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
            local(smtpPort, ServerSetup.PROTOCOL_SMTP), local(imapPort, ServerSetup.PROTOCOL_IMAP)
        });
        greenMail.setUser(LocalEndpoints.SMTP_USER, LocalEndpoints.SMTP_USER, LocalEndpoints.SMTP_USER);
        greenMail.start();
        return new MailServer(Optional.of(greenMail), Optional.empty());
    }

    /**
     * A server on this machine, given 10 s to start rather than GreenMail's 2: the devstack starts it beside
     * dynalite and ElasticMQ, and on a busy 2-core machine its IMAP server once took longer (a CI run).
     */
    private static ServerSetup local(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", protocol);
        setup.setServerStartupTimeout(10_000);
        return setup;
    }

    /**
     * Nothing captured: mail goes to {@code relay}. GreenMail does not run, because nothing would reach it (the
     * real server's bounces go to the real mailbox) and its ports would only look like a place to find mail.
     */
    static MailServer relaying(SmtpRelay relay) {
        return new MailServer(Optional.empty(), Optional.of(relay));
    }

    /** The real server mail is sent through, when it is not captured here. */
    public Optional<SmtpRelay> relay() {
        return relay;
    }

    /** Every message received since the devstack started, oldest first (after a stop: until the stop). */
    public List<MimeMessage> received() {
        if (atStop != null) {
            return atStop;
        }
        return greenMail.map(g -> List.of(g.getReceivedMessages())).orElse(List.of());
    }

    @Override
    public void close() {
        atStop = received();
        greenMail.ifPresent(GreenMail::stop);
    }
}
