package dev.listwire.common.mail;

/** How the SMTP server answered for one recipient. */
public sealed interface SendResult {

    /** The server took the email (250). */
    record Accepted() implements SendResult {}

    /**
     * Not sent: the server refused, or the connection failed. {@code reply} says at which phase and how;
     * its {@link SmtpReply#verdict()} says what the refusal is about.
     */
    record Refused(SmtpReply reply) implements SendResult {}

    /** For one email outside a list (the preference link): the address refused for good, with the reply. */
    record Rejected(String reply) implements SendResult {}
}
