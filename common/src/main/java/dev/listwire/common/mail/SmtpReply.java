package dev.listwire.common.mail;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMTP failure as the server (or the network) gave it: the phase it came at, the reply code (0 when
 * there was no reply at all: the connection broke or the server stopped answering), the enhanced status
 * code of RFC 3463 when the text starts with one, and the text on one line.
 *
 * @param phase  where in the conversation it came
 * @param code   the three-digit reply code; 0 when nothing was answered
 * @param status the enhanced status code ({@code 5.1.1}), when the reply carries one whose class matches
 *               the code's first digit
 * @param text   the reply as the server wrote it, on one line; for no reply, what broke
 */
public record SmtpReply(SmtpPhase phase, int code, Optional<String> status, String text) {

    /** {@code class.subject.detail} right after the code (RFC 3463, section 2; RFC 2034 puts it first). */
    private static final Pattern STATUS = Pattern.compile("^\\s*\\d{3}[ -]([245])\\.(\\d{1,3})\\.(\\d{1,3})(?=\\s|$)");

    /** A reply read from the server; the enhanced status code is parsed from its text. */
    public static SmtpReply of(SmtpPhase phase, int code, String text) {
        String line = HeaderValues.singleLine(String.valueOf(text)).strip();
        Matcher m = STATUS.matcher(line);
        Optional<String> status = Optional.empty();
        if (code > 0
                && m.find()
                && m.group(1).charAt(0) == Integer.toString(code).charAt(0)) {
            status = Optional.of(m.group(1) + "." + m.group(2) + "." + m.group(3));
        }
        return new SmtpReply(phase, Math.max(code, 0), status, line);
    }

    /** No reply: the connection could not be opened, broke, or the server stopped answering. */
    public static SmtpReply none(SmtpPhase phase, String what) {
        return new SmtpReply(phase, 0, Optional.empty(), HeaderValues.singleLine(String.valueOf(what)));
    }

    /** Whether the server answered at all. */
    public boolean answered() {
        return code > 0;
    }

    /** What the refusal is about; see {@link ReplyClassifier} for the rules and why. */
    public ReplyClass verdict() {
        return ReplyClassifier.classify(phase, code, status);
    }

    /**
     * A refusal for good that says the address itself is bad: {@code 5.1.x} (no such mailbox, bad domain) or
     * {@code 5.2.1} (mailbox disabled), what the suppression list keeps for every list. Other refusals for good
     * of a mailbox ({@code 5.2.3}, a message too long for it) refuse the event's email only.
     */
    public boolean badAddress() {
        return verdict() == ReplyClass.ADDRESS_PERMANENT
                && status.filter(s -> s.startsWith("5.1.") || s.equals("5.2.1")).isPresent();
    }

    /** For the log: the text, which starts with the code when the server answered. */
    @Override
    public String toString() {
        return text;
    }
}
