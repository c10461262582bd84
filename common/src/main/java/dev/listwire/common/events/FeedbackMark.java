package dev.listwire.common.events;

import java.time.Instant;

/**
 * What a report that came back later says about one delivery, as {@link DeliveryFeedback} keeps it on the ledger
 * item: a map attribute named by the kind, {@code {status, detail, at (epoch millis), report}}.
 *
 * @param kind     what came back
 * @param status   the report's status: the enhanced status code of a bounce ({@code 5.1.1}), a complaint's feedback
 *                 type ({@code abuse})
 * @param detail   the remote server's words, or the report's own explanation
 * @param at       when the report says it happened (or when it was read, when it does not say)
 * @param reportId the report's own id (its Message-ID, the SES feedback id), so that the item names its source
 */
public record FeedbackMark(Kind kind, String status, String detail, Instant at, String reportId) {

    /** The kinds of feedback, each with the ledger item's attribute and the summary's counter it feeds. */
    public enum Kind {
        BOUNCE("bounce", SummaryCount.BOUNCED),
        SOFT_BOUNCE("softBounce", SummaryCount.SOFT_BOUNCED),
        COMPLAINT("complaint", SummaryCount.COMPLAINTS);

        private final String attribute;
        private final SummaryCount count;

        Kind(String attribute, SummaryCount count) {
            this.attribute = attribute;
            this.count = count;
        }

        /** The ledger item's map attribute. */
        public String attribute() {
            return attribute;
        }

        /** The event summary's counter. */
        public SummaryCount count() {
            return count;
        }
    }
}
