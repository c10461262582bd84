package dev.listwire.bench;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;

/**
 * The baselines: plain Jakarta Mail sending the same email (listwire's own, as the sink received it) to
 * {@code count} addresses over one connection. No table, no ledger, no templates. {@link #send} re-sends
 * the received bytes, the least work a sender can do; {@link #compose} builds each message as a Jakarta
 * Mail application would (subject, text and HTML alternatives, the list headers), the MIME encoding that
 * every sender of such emails pays.
 */
final class BareLoop {

    private BareLoop() {}

    /** @return emails a second */
    static double compose(MimeMessage template, String host, int port, String user, String password, int count)
            throws MessagingException, IOException {
        return compose(template, host, port, user, password, count, Recipients.NONE);
    }

    /**
     * What a sender does for each recipient besides the email: nothing for the plain loop; for the loop that
     * keeps listwire's ledger, a claim before and a {@code sent} mark after (see {@link ComposingWorker}).
     */
    interface Recipients {
        Recipients NONE = new Recipients() {};

        /** @return the address of the {@code i}-th email */
        default String address(int i) {
            return "composed" + i + "@members.listwire.test";
        }

        /** Before the email to {@code address} is composed; it is composed and sent only if this answers true. */
        default boolean before(String address) {
            return true;
        }

        /** After the server accepted the email. */
        default void sent(String address) {}
    }

    /** @return emails a second */
    static double compose(
            MimeMessage template, String host, int port, String user, String password, int count, Recipients each)
            throws MessagingException, IOException {
        Session session = session(host, port, user);
        String subject = template.getSubject();
        String text = part(template, "text/plain");
        String html = part(template, "text/html");
        long start = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(host, port, user, password);
            for (int i = 0; i < count; i++) {
                String address = each.address(i);
                if (!each.before(address)) {
                    continue;
                }
                MimeMessage message = new MimeMessage(session);
                message.setFrom(template.getFrom()[0]);
                InternetAddress to = new InternetAddress(address);
                message.setRecipient(Message.RecipientType.TO, to);
                message.setSubject(subject, "UTF-8");
                for (String name : new String[] {"List-Id", "List-Unsubscribe", "List-Unsubscribe-Post"}) {
                    String value = template.getHeader(name, null);
                    if (value != null) {
                        message.setHeader(name, value);
                    }
                }
                MimeMultipart alternative = new MimeMultipart("alternative");
                MimeBodyPart plain = new MimeBodyPart();
                plain.setText(text, "UTF-8");
                alternative.addBodyPart(plain);
                MimeBodyPart rich = new MimeBodyPart();
                rich.setText(html, "UTF-8", "html");
                alternative.addBodyPart(rich);
                message.setContent(alternative);
                message.saveChanges();
                transport.sendMessage(message, new Address[] {to});
                each.sent(address);
            }
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** @return emails a second */
    static double send(MimeMessage template, String host, int port, String user, String password, int count)
            throws MessagingException, IOException {
        Session session = session(host, port, user);
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

    private static Session session(String host, int port, String user) {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.auth", Boolean.toString(user != null));
        return Session.getInstance(props);
    }

    /** The first part of {@code type} in the email, as text. */
    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
