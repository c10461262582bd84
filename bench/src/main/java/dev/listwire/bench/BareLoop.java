package dev.listwire.bench;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;

/**
 * The baseline: plain Jakarta Mail sending the same email (listwire's own, as the sink received it) to
 * {@code count} addresses over one connection. No table, no ledger, no templates.
 */
final class BareLoop {

    private BareLoop() {
    }

    /** @return emails a second */
    static double send(MimeMessage template, String host, int port, String user, String password, int count)
            throws MessagingException, IOException {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.auth", Boolean.toString(user != null));
        Session session = Session.getInstance(props);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        template.writeTo(raw);
        byte[] bytes = raw.toByteArray();
        long start = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(host, port, user, password);
            for (int i = 0; i < count; i++) {
                MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(bytes));
                InternetAddress to = new InternetAddress("bare" + i + "@members.listwire.test");
                message.setRecipient(Message.RecipientType.TO, to);
                transport.sendMessage(message, new Address[] {to});
            }
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
