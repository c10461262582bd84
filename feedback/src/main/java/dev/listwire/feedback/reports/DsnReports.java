package dev.listwire.feedback.reports;

import static dev.listwire.feedback.reports.FieldGroups.field;

import dev.listwire.common.links.DeliveryRef;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A delivery status notification's machine-readable part (RFC 3464, and RFC 6533's global form): the
 * per-message fields, then per recipient {@code Action}, {@code Status}, {@code Final-Recipient} and
 * {@code Diagnostic-Code}. What each recipient's action and status mean is {@link #kind}.
 */
final class DsnReports {

    private DsnReports() {}

    /**
     * @param ref    the verified delivery of the original email: every recipient must be its address
     * @param source what names this report (its Message-ID, or a hash of its content), for the report ids
     */
    static Reading read(byte[] machine, DeliveryRef ref, String source) throws MessagingException {
        List<InternetHeaders> groups = FieldGroups.of(machine);
        if (groups.isEmpty() || field(groups.get(0), "Reporting-MTA").isEmpty()) {
            return new Reading.NotUnderstood("the delivery-status part has no Reporting-MTA");
        }
        if (groups.size() < 2) {
            return new Reading.NotUnderstood("the delivery-status part names no recipient");
        }
        List<FeedbackReport> reports = new ArrayList<>();
        for (InternetHeaders recipient : groups.subList(1, groups.size())) {
            Optional<String> finalRecipient =
                    field(recipient, "Final-Recipient").map(ReportText::address);
            Optional<String> action = field(recipient, "Action").map(a -> a.toLowerCase(Locale.ROOT));
            Optional<String> status = field(recipient, "Status").flatMap(ReportText::status);
            if (finalRecipient.isEmpty() || action.isEmpty() || status.isEmpty()) {
                return new Reading.NotUnderstood("a recipient's fields lack "
                        + (finalRecipient.isEmpty() ? "Final-Recipient" : action.isEmpty() ? "Action" : "Status"));
            }
            boolean forTheDelivery = OriginalDelivery.isFor(ref, finalRecipient.get())
                    || field(recipient, "Original-Recipient")
                            .map(ReportText::address)
                            .filter(original -> OriginalDelivery.isFor(ref, original))
                            .isPresent();
            if (!forTheDelivery) {
                return new Reading.NotUnderstood("the report's recipient is not the address the original was sent to");
            }
            Optional<ReportKind> kind = kind(action.get(), status.get());
            if (kind.isEmpty()) {
                return new Reading.NotUnderstood("Action " + ReportText.oneLine(action.get()) + " with Status "
                        + status.get() + " is no outcome");
            }
            String address = ref.email().toLowerCase(Locale.ROOT);
            String detail = field(recipient, "Diagnostic-Code")
                    .map(ReportText::diagnostic)
                    .orElse(status.get());
            reports.add(new FeedbackReport(
                    kind.get(),
                    ReportIds.of(source, address, kind.get()),
                    address,
                    Optional.of(ref),
                    status.get(),
                    detail));
        }
        return new Reading.Understood("dsn", reports);
    }

    /**
     * {@code failed} with a 5.x.x status is for good; {@code failed} with 4.x.x (a server that gave up on a
     * temporary error) and {@code delayed} are for now; {@code delivered}, {@code relayed} and
     * {@code expanded} are deliveries (RFC 3464 section 2.3.3).
     */
    static Optional<ReportKind> kind(String action, String status) {
        return switch (action) {
            case "failed" ->
                status.startsWith("5.")
                        ? Optional.of(ReportKind.PERMANENT_BOUNCE)
                        : status.startsWith("4.") ? Optional.of(ReportKind.TRANSIENT_BOUNCE) : Optional.empty();
            case "delayed" -> Optional.of(ReportKind.TRANSIENT_BOUNCE);
            case "delivered", "relayed", "expanded" -> Optional.of(ReportKind.DELIVERY);
            default -> Optional.empty();
        };
    }
}
