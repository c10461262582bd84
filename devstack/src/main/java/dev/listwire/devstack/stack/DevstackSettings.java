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
 * @param relay    a real SMTP server to send through; empty to capture every email in GreenMail
 */
public record DevstackSettings(Path lists, Path state, Ports ports, boolean demo, Optional<SmtpRelay> relay) {

    /** Mail captured in GreenMail, as the devstack does unless {@code --smtp} is given. */
    public DevstackSettings(Path lists, Path state, Ports ports, boolean demo) {
        this(lists, state, ports, demo, Optional.empty());
    }
}
