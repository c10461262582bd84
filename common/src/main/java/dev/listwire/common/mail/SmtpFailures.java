package dev.listwire.common.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * The {@link SmtpReply} behind an Angus Mail exception. The phase comes from the exception's type and
 * command: {@code SMTPAddressFailedException} is the reply to {@code RCPT TO}, {@code SMTPSenderFailedException}
 * to {@code MAIL FROM}, {@code SMTPSendFailedException} names its command ({@code MAIL FROM:<…>}, {@code DATA},
 * or {@code .} for the end of the message), {@code AuthenticationFailedException} is the login's. A reply
 * code of -1 is Angus's end of stream: the server closed the connection without a reply.
 */
final class SmtpFailures {

    /** Angus's bad greeting: "Got bad greeting from SMTP host: …, response: 421 …". */
    private static final Pattern GREETING = Pattern.compile("response: (\\d{3}[ -].*)", Pattern.DOTALL);

    /** How Angus Mail's write timeout begins its exception's message (it has no type of its own). */
    private static final String WRITE_TIMED_OUT = "Write timed out";

    private SmtpFailures() {}

    /** @param connecting whether the failure came while opening the connection and logging in */
    static SmtpReply read(MessagingException e, boolean connecting) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException a) {
                return SmtpReply.of(SmtpPhase.RCPT_TO, a.getReturnCode(), a.getMessage());
            }
            if (x instanceof SMTPSenderFailedException s) {
                return SmtpReply.of(SmtpPhase.MAIL_FROM, s.getReturnCode(), s.getMessage());
            }
            if (x instanceof SMTPSendFailedException s) {
                SmtpReply reply = SmtpReply.of(phase(s.getCommand()), s.getReturnCode(), s.getMessage());
                return reply.answered() ? reply : SmtpReply.none(reply.phase(), "connection closed: " + s.getMessage());
            }
            if (x instanceof AuthenticationFailedException auth) {
                String text = String.valueOf(auth.getMessage()).strip();
                return SmtpReply.of(SmtpPhase.AUTH, leadingCode(text), text);
            }
        }
        if (connecting) {
            Matcher greeting = GREETING.matcher(String.valueOf(e.getMessage()));
            if (greeting.find()) {
                String text = greeting.group(1);
                return SmtpReply.of(SmtpPhase.CONNECT, leadingCode(text), text);
            }
            return SmtpReply.none(SmtpPhase.CONNECT, describe(e));
        }
        return SmtpReply.none(SmtpPhase.UNKNOWN, describe(e));
    }

    private static SmtpPhase phase(String command) {
        String c = String.valueOf(command).toUpperCase(Locale.ROOT);
        if (c.startsWith("MAIL FROM")) {
            return SmtpPhase.MAIL_FROM;
        }
        if (c.startsWith("RCPT")) {
            return SmtpPhase.RCPT_TO;
        }
        if (c.equals("DATA")) {
            return SmtpPhase.DATA;
        }
        return c.equals(".") ? SmtpPhase.END_OF_DATA : SmtpPhase.UNKNOWN;
    }

    private static int leadingCode(String text) {
        if (text.length() >= 3 && text.chars().limit(3).allMatch(Character::isDigit)) {
            return Integer.parseInt(text.substring(0, 3));
        }
        return 0;
    }

    /**
     * Whether the server stopped answering or reading: a connect, read or write timeout anywhere behind the
     * failure. Angus Mail ends a write that outlasts {@code mail.smtp.writetimeout} by closing the socket and
     * says so only in an {@link IOException}'s message.
     */
    static boolean timedOut(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            for (Throwable t = x; t != null; t = t.getCause()) {
                if (t instanceof SocketTimeoutException
                        || t instanceof IOException
                                && String.valueOf(t.getMessage()).contains(WRITE_TIMED_OUT)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The exception and its root cause (a refused connection, a read timed out). */
    static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return e.getMessage() + (root != e ? " (" + root + ")" : "");
    }
}
