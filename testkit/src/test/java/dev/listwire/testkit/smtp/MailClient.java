package dev.listwire.testkit.smtp;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;

/**
 * Jakarta Mail (Angus) configured as the list functions configure it ({@code javamail.properties.mail.smtp.*}
 * in common's application.yml, {@code MailSessionProvider}): authenticated, one connection reused for many
 * emails, each sent to one recipient with {@code Transport.sendMessage}.
 */
final class MailClient implements AutoCloseable {

    static final String USER = "sender@listwire.test";

    private final Session session;
    private Transport transport;

    MailClient(ScriptedSmtpServer server, Duration timeout) {
        Properties props = new Properties();
        props.put("mail.smtp.host", server.host());
        props.put("mail.smtp.port", Integer.toString(server.port()));
        props.put("mail.smtp.auth", "true");
        props.put("mail.smtp.connectiontimeout", Long.toString(timeout.toMillis()));
        props.put("mail.smtp.timeout", Long.toString(timeout.toMillis()));
        props.put("mail.smtp.writetimeout", Long.toString(timeout.toMillis()));
        session = Session.getInstance(props);
    }

    MailClient(ScriptedSmtpServer server) {
        this(server, Duration.ofSeconds(10));
    }

    void connect() throws MessagingException {
        transport = session.getTransport("smtp");
        transport.connect(USER, "app-password");
    }

    /** Sends over the open connection, opening it first if there is none. */
    MimeMessage send(String to, String body) throws MessagingException {
        if (transport == null || !transport.isConnected()) {
            connect();
        }
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(USER));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Hello " + to);
        message.setText(body, "UTF-8");
        message.saveChanges();
        transport.sendMessage(message, new Address[] {new InternetAddress(to)});
        return message;
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException connectionAlreadyGone) {
                // QUIT on a connection the server dropped: nothing left to close.
            }
        }
    }
}
