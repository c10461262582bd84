package dev.listwire.common.mail;

import java.util.Optional;

/**
 * Reads a refusal by its phase and enhanced status code (RFC 5321 section 4.2, RFC 3463) into one of the
 * {@link ReplyClass}es. Its one rule of thumb: a reply is the recipient's only when it is given for the
 * recipient ({@code RCPT TO}, or the end of a one-recipient message) and its status code names the
 * mailbox ({@code x.1.x} address, {@code x.2.x} mailbox). Anything else, and anything not known, is the
 * account's or the connection's, whose handling (stop, resume later) loses no member: a wrong guess that
 * way costs a delay, a wrong guess the other way drops a member from the event.
 */
final class ReplyClassifier {

    private ReplyClassifier() {}

    /**
     * @param code   the reply code; 0 for no reply
     * @param status the enhanced status code ({@code 5.1.1}), when the reply had one
     */
    static ReplyClass classify(SmtpPhase phase, int code, Optional<String> status) {
        if (code <= 0
                || phase == SmtpPhase.CONNECT
                || phase == SmtpPhase.AUTH
                || code == 421) { // 421: the server is closing the connection (RFC 5321, 3.8)
            return ReplyClass.ACCOUNT;
        }
        // The class and subject ("5.1" of "5.1.1").
        String subject = status.map(s -> s.substring(0, s.indexOf('.', 2))).orElse("");
        boolean permanent = code >= 500;
        if (subject.endsWith(".7") || status.filter(s -> s.endsWith(".4.5")).isPresent()) {
            // x.7.x security or policy (authentication 5.7.0/5.7.8, blocked sender 4.7.x, 5.7.26); x.4.5 the
            // sending system's own limit (Gmail's "550 5.4.5 Daily user sending quota exceeded"). Only a
            // 5.7.1 at RCPT may be the recipient's own policy ("550 5.7.1 ... has a policy that prohibited").
            return phase == SmtpPhase.RCPT_TO && status.get().equals("5.7.1")
                    ? ReplyClass.ADDRESS_UNCLEAR
                    : ReplyClass.ACCOUNT;
        }
        return switch (phase) {
            case RCPT_TO -> atRecipient(code, status, subject, permanent);
            case END_OF_DATA -> mailbox(status, subject).orElse(ReplyClass.ACCOUNT);
            // MAIL FROM and DATA name no recipient: the sender, the account or the server.
            default -> ReplyClass.ACCOUNT;
        };
    }

    private static ReplyClass atRecipient(int code, Optional<String> status, String subject, boolean permanent) {
        Optional<ReplyClass> mailbox = mailbox(status, subject);
        if (mailbox.isPresent()) {
            return mailbox.get();
        }
        if (status.isPresent()) {
            if (!permanent) {
                // 4.3.0 "Mail server temporarily rejected message", 4.4.x routing: this recipient's server.
                return subject.equals("4.5") ? ReplyClass.ACCOUNT : ReplyClass.ADDRESS_TRANSIENT;
            }
            // 5.0.0, 5.4.x: refused, but not said to be the mailbox; 5.3.x, 5.5.x, 5.6.x: the server or the message.
            return subject.equals("5.0") || subject.equals("5.4") ? ReplyClass.ADDRESS_UNCLEAR : ReplyClass.ACCOUNT;
        }
        // No enhanced code: the basic codes RFC 5321 gives RCPT (4.2.5), read as Angus Mail reads them.
        return switch (code) {
            case 450, 451, 452 -> ReplyClass.ADDRESS_TRANSIENT; // greylisting, local error, storage
            case 550, 551, 553 -> ReplyClass.ADDRESS_UNCLEAR; // mailbox unavailable, or a policy: cannot tell
            case 552 -> ReplyClass.ADDRESS_TRANSIENT; // storage exceeded
            default -> ReplyClass.ACCOUNT;
        };
    }

    /**
     * A status that names the recipient's mailbox. x.1.7 and x.1.8 are the sender's address, not the
     * recipient's. A full mailbox (x.2.2) is for now even as a 5xx: RFC 3463 calls it a useful transient,
     * and a mailbox is emptied.
     */
    private static Optional<ReplyClass> mailbox(Optional<String> status, String subject) {
        if (status.isEmpty()) {
            return Optional.empty();
        }
        String s = status.get();
        if (s.startsWith("4.2.") || s.equals("5.2.2")) {
            return Optional.of(ReplyClass.ADDRESS_TRANSIENT);
        }
        if (subject.equals("5.2") || subject.equals("5.1") && !s.equals("5.1.7") && !s.equals("5.1.8")) {
            return Optional.of(ReplyClass.ADDRESS_PERMANENT);
        }
        return Optional.empty();
    }
}
