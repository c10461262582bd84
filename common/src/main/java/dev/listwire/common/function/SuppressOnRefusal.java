package dev.listwire.common.function;

import dev.listwire.common.mail.SmtpReply;
import dev.listwire.common.members.Member;
import dev.listwire.common.suppression.SuppressionCause;
import dev.listwire.common.suppression.SuppressionList;
import java.util.Map;

/**
 * Puts an address the SMTP server refused for good on the suppression list, so that no list tries it
 * again. Called after the ledger has recorded the refusal: a failed write here is logged
 * ({@code suppression-write-failed}) and the event goes on, because this event will not try the member
 * again either way, and failing the message would only resend to the members after it.
 *
 * <p>Only a reply about the address itself is suppressed ({@link SmtpReply#badAddress()}, read from the same
 * phase and status code as every other decision): suppressing on an account's reply ({@code 550 5.4.5}, a
 * {@code 5.7.x} policy) would take every member a run reaches off every list.
 */
final class SuppressOnRefusal {

    private final SuppressionList suppressions;
    private final String list;
    private final EventIdentity id;
    private final RecipientLines lines;

    SuppressOnRefusal(SuppressionList suppressions, String list, EventIdentity id, RecipientLines lines) {
        this.suppressions = suppressions;
        this.list = list;
        this.id = id;
        this.lines = lines;
    }

    void refused(Member member, SmtpReply reply) {
        if (!reply.badAddress()) {
            lines.info("suppression-skipped", member, Map.of("smtpReply", reply.text()));
            return;
        }
        try {
            suppressions.suppress(member.email(), SuppressionCause.refused(reply.text(), list, id.eventId()));
        } catch (RuntimeException e) {
            lines.error(
                    "suppression-write-failed", member, Map.of("smtpReply", reply.text(), "error", String.valueOf(e)));
        }
    }
}
