package dev.listwire.devstack.stack;

import java.util.Optional;

/**
 * Where the devstack's mail goes and whether anything reads what comes back. Captured in GreenMail, the
 * feedback function may poll the sending account's mailbox there; sent through a real server
 * ({@code --smtp}), it never does: bounces go to the real mailbox, which the devstack must not touch.
 *
 * @param relay    a real SMTP server to send through; empty to capture every email in GreenMail
 * @param feedback the feedback function polling GreenMail's mailbox; always empty with a relay
 */
public record MailSettings(Optional<SmtpRelay> relay, Optional<FeedbackPolling> feedback) {

    public MailSettings {
        if (relay.isPresent() && feedback.isPresent()) {
            throw new IllegalArgumentException("the feedback function reads GreenMail's mailbox, which does not run "
                    + "when mail goes to " + relay.get().address());
        }
    }

    public static MailSettings captured(Optional<FeedbackPolling> feedback) {
        return new MailSettings(Optional.empty(), feedback);
    }

    public static MailSettings relaying(SmtpRelay relay) {
        return new MailSettings(Optional.of(relay), Optional.empty());
    }
}
