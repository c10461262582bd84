package dev.listwire.common.function;

import dev.listwire.common.members.Member;
import dev.listwire.common.suppression.SuppressionCause;
import dev.listwire.common.suppression.SuppressionList;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Puts an address the SMTP server refused for good on the suppression list, so that no list tries it
 * again. Called after the ledger has recorded the refusal: a failed write here is logged
 * ({@code suppression-write-failed}) and the event goes on, because this event will not try the member
 * again either way, and failing the message would only resend to the members after it.
 *
 * <p>Only a reply about the address itself is suppressed: RFC 3463's {@code 5.1.x} (no such mailbox, bad
 * domain, ...) and {@code 5.2.1} (mailbox disabled). Today every {@code 5xx} arrives here as a refusal of
 * the member, also an account's {@code 550 5.4.5} quota or a {@code 5.7.x} policy reply (RELIABILITY.md,
 * rows 53-54); suppressing on those would take every member a run reaches off every list for good.
 */
final class SuppressOnRefusal {

    /** A 5xx reply code, then an enhanced status code that is about the address (RFC 3463, sections 3.2-3.3). */
    private static final Pattern ABOUT_THE_ADDRESS = Pattern.compile("^5\\d\\d[ -]5\\.(1\\.\\d{1,3}|2\\.1)(\\s|$)");

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

    void refused(Member member, String reply) {
        if (!aboutTheAddress(reply)) {
            lines.info("suppression-skipped", member, Map.of("smtpReply", reply));
            return;
        }
        try {
            suppressions.suppress(member.email(), SuppressionCause.refused(reply, list, id.eventId()));
        } catch (RuntimeException e) {
            lines.error("suppression-write-failed", member, Map.of("smtpReply", reply, "error", String.valueOf(e)));
        }
    }

    static boolean aboutTheAddress(String reply) {
        return ABOUT_THE_ADDRESS.matcher(reply.trim()).find();
    }
}
