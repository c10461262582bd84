package dev.listwire.common.mail;

/** How the SMTP server answered for one recipient. */
public sealed interface SendResult {

    /** The server took the email (250). */
    record Accepted() implements SendResult {}

    /** The server refused the address or the email for good (5xx); {@code reply} is its answer. */
    record Rejected(String reply) implements SendResult {}
}
