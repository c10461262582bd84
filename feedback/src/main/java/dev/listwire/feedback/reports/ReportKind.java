package dev.listwire.feedback.reports;

/** What a report says happened to one email after the SMTP server accepted it. */
public enum ReportKind {
    /** {@code Action: failed} with a {@code 5.x.x} status, or SES's {@code Permanent} bounce: suppress. */
    PERMANENT_BOUNCE("bounce"),
    /** {@code Action: delayed}, {@code failed} with a {@code 4.x.x} status, SES's {@code Transient}: counted. */
    TRANSIENT_BOUNCE("soft-bounce"),
    /** An ARF report (RFC 5965) or SES complaint: the recipient marked it as spam; suppress. */
    COMPLAINT("complaint"),
    /** {@code Action: delivered} / {@code relayed}, or SES's {@code Delivery}: nothing to do but count. */
    DELIVERY("delivery");

    private final String logName;

    ReportKind(String logName) {
        this.logName = logName;
    }

    /** Its name in log lines and in the CLI. */
    public String logName() {
        return logName;
    }
}
