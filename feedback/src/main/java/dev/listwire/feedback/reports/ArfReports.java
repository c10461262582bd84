package dev.listwire.feedback.reports;

import static dev.listwire.feedback.reports.FieldGroups.field;

import dev.listwire.common.links.DeliveryRef;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An abuse report's machine-readable part ({@code message/feedback-report}, ARF, RFC 5965): one group of
 * fields, {@code Feedback-Type} (abuse, fraud, virus, other), {@code User-Agent}, {@code Version} and, when the
 * mailbox provider tells, {@code Original-Rcpt-To}: the member who complained.
 */
final class ArfReports {

    private ArfReports() {}

    static Reading read(byte[] machine, DeliveryRef ref, String source) throws MessagingException {
        List<InternetHeaders> groups = FieldGroups.of(machine);
        Optional<String> type = groups.isEmpty()
                ? Optional.empty()
                : field(groups.get(0), "Feedback-Type")
                        .map(t -> ReportText.oneLine(t).toLowerCase(Locale.ROOT));
        if (type.isEmpty()) {
            return new Reading.NotUnderstood("the feedback-report part has no Feedback-Type");
        }
        if (type.get().equals("not-spam")) {
            // RFC 6650's "not-spam" says the opposite of a complaint: nothing to act on.
            return new Reading.NotUnderstood("a not-spam feedback report is no complaint");
        }
        InternetHeaders fields = groups.get(0);
        String address = ref.email().toLowerCase(Locale.ROOT);
        Optional<String> recipient = field(fields, "Original-Rcpt-To").map(ReportText::address);
        if (recipient.isPresent() && !OriginalDelivery.isFor(ref, recipient.get())) {
            return new Reading.NotUnderstood(
                    "the report's Original-Rcpt-To is not the address the original was sent to");
        }
        String detail = ReportText.oneLine(type.get() + " report"
                + field(fields, "User-Agent").map(agent -> " from " + agent).orElse(""));
        ReportKind kind = ReportKind.COMPLAINT;
        return new Reading.Understood(
                "arf",
                List.of(new FeedbackReport(
                        kind, ReportIds.of(source, address, kind), address, Optional.of(ref), type.get(), detail)));
    }
}
