package dev.listwire.feedback;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;

/**
 * Opens the sending account's mailbox: its own Jakarta Mail session (IMAP), with the SMTP account's login
 * unless the mailbox has one of its own, and timeouts always set.
 */
@Singleton
final class MailboxLogin {

    private final MailboxConfiguration configuration;
    private final String username;
    private final String password;
    private final Session session;

    MailboxLogin(
            MailboxConfiguration configuration,
            @Property(name = "listwire.smtp.username") @Nullable String smtpUsername,
            @Property(name = "listwire.smtp.password") @Nullable String smtpPassword) {
        this.configuration = configuration;
        this.username = firstOf(configuration.username(), smtpUsername, "username");
        this.password = firstOf(configuration.password(), smtpPassword, "password");
        this.session = Session.getInstance(properties(configuration));
    }

    /** Who the mailbox belongs to: the cursor's key and the log's. */
    String mailbox() {
        return username + "/" + configuration.folder();
    }

    Store connect() throws MessagingException {
        Store store = session.getStore(protocol(configuration));
        store.connect(configuration.host(), configuration.port(), username, password);
        return store;
    }

    private static Properties properties(MailboxConfiguration configuration) {
        String p = "mail." + protocol(configuration) + ".";
        String timeout = Integer.toString(configuration.timeoutMillis());
        Properties properties = new Properties();
        properties.put(p + "connectiontimeout", timeout);
        properties.put(p + "timeout", timeout);
        properties.put(p + "writetimeout", timeout);
        // BODY.PEEK: reading a message never marks it \Seen, so mail the function leaves is left as it was.
        properties.put(p + "peek", "true");
        properties.put(p + "ssl.checkserveridentity", "true");
        return properties;
    }

    private static String protocol(MailboxConfiguration configuration) {
        return configuration.ssl() ? "imaps" : "imap";
    }

    private static String firstOf(@Nullable String own, @Nullable String smtp, String what) {
        String value = own != null && !own.isBlank() ? own : smtp;
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(
                    "the mailbox needs a " + what + ": set listwire.feedback.mailbox." + what + " or listwire.smtp."
                            + what + " (LISTWIRE_SSM_SMTP_" + what.toUpperCase() + " names its parameter)");
        }
        return value;
    }
}
