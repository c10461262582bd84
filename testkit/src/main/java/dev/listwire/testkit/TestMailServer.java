package dev.listwire.testkit;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.listwire.testkit.local.Dynalite;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GreenMail (embedded SMTP and IMAP) with two policies a real mail server has and tests need:
 * refusing an address for good ({@code 550} to {@code RCPT}), and failing for a while after a number
 * of emails ({@code 451} to {@code DATA}, GreenMail's own answer when delivery fails). Both go through
 * GreenMail's real SMTP conversation; nothing is mocked.
 */
public final class TestMailServer extends GreenMail {

    public static final String USER = "listwire-sender@listwire.test";
    public static final String PASSWORD = "sender-app-password";

    private static final Set<String> REJECTED = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger DELIVERIES_LEFT = new AtomicInteger(Integer.MAX_VALUE);
    private static final String ONE_MAILBOX = "everyone@mailbox.listwire.test";
    private static volatile boolean oneMailbox;

    public TestMailServer() {
        super(new ServerSetup[] {local(ServerSetup.PROTOCOL_SMTP), local(ServerSetup.PROTOCOL_IMAP)});
    }

    /** A server on a free local port, given 10 s to start rather than GreenMail's 2 (a busy 2-core machine). */
    private static ServerSetup local(String protocol) {
        ServerSetup setup = new ServerSetup(Dynalite.freePort(), "127.0.0.1", protocol);
        setup.setServerStartupTimeout(10_000);
        return setup;
    }

    @Override
    public synchronized void start() {
        super.start();
        setUser(USER, USER, PASSWORD);
        UserManager users = getUserManager();
        var deliverToMailbox = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, address) -> {
            if (DELIVERIES_LEFT.getAndDecrement() <= 0) {
                throw new IllegalStateException("test mail server is failing deliveries");
            }
            return oneMailbox ? users.getUserByEmail(ONE_MAILBOX) : deliverToMailbox.handle(message, address);
        });
        setUser(ONE_MAILBOX, ONE_MAILBOX, PASSWORD);
    }

    /**
     * Every email lands in one mailbox until {@link #heal()}, its {@code To} header unchanged, so that
     * {@code Inbox} still tells recipients apart. For lists of tens of thousands: GreenMail gives each
     * recipient a mailbox of its own, and delivery slows as their number grows (1,150 emails a second at
     * 10,000 recipients, 640 at 40,000, on the benchmark machine), while one mailbox stays fast.
     */
    public void oneMailboxForAll() {
        oneMailbox = true;
    }

    /** The server answers {@code 550} for this address from now on. */
    public void rejectRecipient(String address) {
        REJECTED.add(address.toLowerCase(Locale.ROOT));
    }

    /** The server takes {@code count} more emails, then answers {@code 451} to each until {@link #heal()}. */
    public void failAfter(int count) {
        DELIVERIES_LEFT.set(count);
    }

    /** Back to accepting everything, each recipient in its own mailbox. */
    public void heal() {
        oneMailbox = false;
        REJECTED.clear();
        DELIVERIES_LEFT.set(Integer.MAX_VALUE);
    }

    public int smtpPort() {
        return getSmtp().getPort();
    }

    public int imapPort() {
        return getImap().getPort();
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        Map<String, AbstractServer> services = super.createServices(config, managers);
        Managers withPolicy = new Managers() {
            private final SmtpManager smtp =
                    new PolicySmtpManager(managers.getImapHostManager(), managers.getUserManager());

            @Override
            public SmtpManager getSmtpManager() {
                return smtp;
            }

            @Override
            public UserManager getUserManager() {
                return managers.getUserManager();
            }

            @Override
            public ImapHostManager getImapHostManager() {
                return managers.getImapHostManager();
            }
        };
        for (ServerSetup setup : config) {
            if (setup.getProtocol().equals(ServerSetup.PROTOCOL_SMTP)) {
                services.put(setup.getProtocol(), new SmtpServer(setup, withPolicy));
            }
        }
        return services;
    }

    private static final class PolicySmtpManager extends SmtpManager {
        PolicySmtpManager(ImapHostManager imap, UserManager users) {
            super(imap, users);
        }

        @Override
        public String checkRecipient(SmtpState state, MailAddress recipient) {
            return REJECTED.contains(recipient.getEmail().toLowerCase(Locale.ROOT))
                    ? "550 5.1.1 <" + recipient.getEmail() + ">: mailbox unavailable"
                    : null;
        }
    }
}
