package dev.listwire.common.mail;

/**
 * Where in the SMTP conversation a reply came (RFC 5321, section 3): what a reply means depends on it,
 * since the same {@code 550} is about the recipient at {@code RCPT TO} and about the sender at
 * {@code MAIL FROM}. Read from the exception Angus Mail throws, never guessed from the text.
 */
public enum SmtpPhase {
    /** Opening the connection, the greeting, EHLO or STARTTLS: before any login. */
    CONNECT,
    /** The login (AUTH). */
    AUTH,
    MAIL_FROM,
    RCPT_TO,
    /** The {@code DATA} command itself, before the message is sent. */
    DATA,
    /** The reply to the message's final {@code .}: the server's verdict on the whole message. */
    END_OF_DATA,
    /** A failure that Angus Mail does not tie to a command (the connection broke between commands). */
    UNKNOWN
}
