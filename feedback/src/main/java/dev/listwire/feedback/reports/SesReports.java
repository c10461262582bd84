package dev.listwire.feedback.reports;

import static dev.listwire.feedback.reports.SesJson.optionalText;
import static dev.listwire.feedback.reports.SesJson.text;

import dev.listwire.common.links.DeliveryRef;
import dev.listwire.common.links.DeliveryRefs;
import dev.listwire.common.mail.ListMessages;
import dev.listwire.feedback.reports.SesJson.BadShape;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One SES notification's {@code bounce}, {@code complaint} or {@code delivery} object, as one report per recipient. */
final class SesReports {

    private final DeliveryRefs refs;

    SesReports(DeliveryRefs refs) {
        this.refs = refs;
    }

    /** {@code Permanent} is for good; {@code Transient} and {@code Undetermined} are counted. */
    List<FeedbackReport> bounces(JsonNode mail, JsonNode bounce) throws BadShape {
        String bounceType = text(bounce, "bounce", "bounceType");
        ReportKind kind = switch (bounceType) {
            case "Permanent" -> ReportKind.PERMANENT_BOUNCE;
            case "Transient", "Undetermined" -> ReportKind.TRANSIENT_BOUNCE;
            default ->
                throw new BadShape("bounce.bounceType " + ReportText.oneLine(bounceType)
                        + " is not Permanent, Transient or Undetermined");
        };
        String subType = optionalText(bounce, "bounceSubType").orElse(bounceType);
        String source = "ses bounce " + text(bounce, "bounce", "feedbackId");
        List<FeedbackReport> reports = new ArrayList<>();
        for (JsonNode recipient : SesJson.objects(bounce, "bounce", "bouncedRecipients")) {
            String address = address(text(recipient, "bounce.bouncedRecipients[]", "emailAddress"));
            String status = optionalText(recipient, "status")
                    .flatMap(ReportText::status)
                    .orElse(subType);
            String detail = optionalText(recipient, "diagnosticCode")
                    .map(ReportText::diagnostic)
                    .orElse(ReportText.oneLine(bounceType + " bounce: " + subType));
            reports.add(report(kind, source, address, mail, status, detail));
        }
        return reports;
    }

    List<FeedbackReport> complaints(JsonNode mail, JsonNode complaint) throws BadShape {
        String type = optionalText(complaint, "complaintFeedbackType").orElse("complaint");
        String source = "ses complaint " + text(complaint, "complaint", "feedbackId");
        String detail = ReportText.oneLine(type + " report"
                + optionalText(complaint, "userAgent")
                        .map(agent -> " from " + agent)
                        .orElse(""));
        List<FeedbackReport> reports = new ArrayList<>();
        for (JsonNode recipient : SesJson.objects(complaint, "complaint", "complainedRecipients")) {
            String address = address(text(recipient, "complaint.complainedRecipients[]", "emailAddress"));
            reports.add(report(ReportKind.COMPLAINT, source, address, mail, ReportText.oneLine(type), detail));
        }
        return reports;
    }

    List<FeedbackReport> deliveries(JsonNode mail, JsonNode delivery) throws BadShape {
        String source =
                "ses delivery " + text(mail, "mail", "messageId") + " " + text(delivery, "delivery", "timestamp");
        Optional<String> reply = optionalText(delivery, "smtpResponse").map(ReportText::oneLine);
        String status = reply.flatMap(r -> ReportText.status(r.replaceFirst("^\\d{3}[ -]", "")))
                .orElse("delivered");
        List<FeedbackReport> reports = new ArrayList<>();
        for (String recipient : SesJson.texts(delivery, "delivery", "recipients")) {
            String address = address(recipient);
            reports.add(report(ReportKind.DELIVERY, source, address, mail, status, reply.orElse("delivered")));
        }
        return reports;
    }

    private FeedbackReport report(
            ReportKind kind, String source, String address, JsonNode mail, String status, String detail) {
        return new FeedbackReport(
                kind, ReportIds.of(source, address, kind), address, delivery(mail, address), status, detail);
    }

    /** The original's delivery header, when SES included the headers and it verifies for this very address. */
    private Optional<DeliveryRef> delivery(JsonNode mail, String address) {
        JsonNode headers = mail.get("headers");
        if (headers == null || !headers.isArray()) {
            return Optional.empty();
        }
        for (JsonNode header : headers.values()) {
            boolean named = header.isObject()
                    && optionalText(header, "name")
                            .filter(ListMessages.DELIVERY_HEADER::equalsIgnoreCase)
                            .isPresent();
            if (named) {
                return optionalText(header, "value")
                        .flatMap(value -> refs.verify(value.strip()))
                        .filter(ref -> OriginalDelivery.isFor(ref, address));
            }
        }
        return Optional.empty();
    }

    /** SES gives a bare address; a display-name form is taken apart all the same. */
    private static String address(String value) throws BadShape {
        String address = value.strip();
        int open = address.lastIndexOf('<');
        if (open >= 0 && address.endsWith(">")) {
            address = address.substring(open + 1, address.length() - 1);
        }
        address = ReportText.address(address);
        if (address.indexOf('@') <= 0 || address.chars().anyMatch(c -> c <= ' ')) {
            throw new BadShape("a recipient's emailAddress is not an address");
        }
        return address;
    }
}
