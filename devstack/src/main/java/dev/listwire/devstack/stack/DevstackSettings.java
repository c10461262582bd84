package dev.listwire.devstack.stack;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to run the devstack.
 *
 * @param lists    the folder holding one folder per list ({@code lists/})
 * @param state    where tables and queued messages are kept between starts ({@code .devstack/})
 * @param ports    where each part listens
 * @param demo     whether to seed each new list table from the list's {@code demo/members.csv}
 * @param mail     GreenMail (and the feedback function polling it), or a real SMTP server to send through
 */
public record DevstackSettings(Path lists, Path state, Ports ports, boolean demo, MailSettings mail) {

    /** A real SMTP server to send through; empty to capture every email in GreenMail. */
    public Optional<SmtpRelay> relay() {
        return mail.relay();
    }
}
