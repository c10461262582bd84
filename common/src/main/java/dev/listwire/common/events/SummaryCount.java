package dev.listwire.common.events;

/** The counters of an event's summary item; {@link #attribute()} is the item's attribute that holds each. */
public enum SummaryCount {
    /** Emails the SMTP server accepted. */
    SENT("sent"),
    /** Members the event was not for: unsubscribed, filtered out, an invalid address, suppressed. */
    SKIPPED("skipped"),
    /** Addresses the SMTP server refused for good (recorded {@code rejected} in the ledger). */
    REFUSED("refused"),
    /** Refusals for now (greylisting, a full mailbox): one per try, so a member refused twice counts twice. */
    DEFERRED("deferred"),
    /** Members refused for now on every try the event allows (recorded {@code gave-up}). */
    GAVE_UP("gaveUp"),
    /** Sends that failed with an error that is not an SMTP reply; the message was retried. */
    FAILED("failed"),
    /** Permanent bounces reported later (a DSN, SES); written by {@link DeliveryFeedback}. */
    BOUNCED("bounced"),
    /** Transient bounces reported later. */
    SOFT_BOUNCED("softBounced"),
    /** Complaints (ARF, SES). */
    COMPLAINTS("complaints");

    private final String attribute;

    SummaryCount(String attribute) {
        this.attribute = attribute;
    }

    public String attribute() {
        return attribute;
    }
}
