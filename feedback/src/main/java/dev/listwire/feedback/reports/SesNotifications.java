package dev.listwire.feedback.reports;

import static dev.listwire.feedback.reports.SesJson.object;
import static dev.listwire.feedback.reports.SesJson.optionalText;
import static dev.listwire.feedback.reports.SesJson.text;

import dev.listwire.common.links.DeliveryRefs;
import dev.listwire.feedback.reports.SesJson.BadShape;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;

/**
 * Reads one SQS message body from the SES notifications queue: an SNS envelope ({@code Type: Notification},
 * the SES notification as the string {@code Message}) or, with raw message delivery, the SES notification
 * itself. {@code Bounce}, {@code Complaint} and {@code Delivery} notifications become one report per recipient
 * (<a href="https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html">the contents SES sends</a>);
 * a body of any other shape is {@link Reading.NotUnderstood} naming the field, for the DLQ. SES is trusted (the
 * queue takes messages from the topic only), so the address is acted on even without a delivery header; the
 * header, when SES includes the original headers and it verifies for that address, names the delivery.
 */
@Singleton
public final class SesNotifications {

    private final JsonMapper json;
    private final SesReports reports;

    public SesNotifications(JsonMapper json, DeliveryRefs refs) {
        this.json = json;
        this.reports = new SesReports(refs);
    }

    public Reading read(String sqsBody) {
        try {
            JsonNode notification = notification(parse(sqsBody, "the body"));
            String type = optionalText(notification, "notificationType")
                    .or(() -> optionalText(notification, "eventType")) // SES event publishing names it so
                    .orElseThrow(() -> new BadShape("notificationType is missing: neither SNS nor SES JSON"));
            JsonNode mail = object(notification, "", "mail");
            List<FeedbackReport> found = switch (type) {
                case "Bounce" -> reports.bounces(mail, object(notification, "", "bounce"));
                case "Complaint" -> reports.complaints(mail, object(notification, "", "complaint"));
                case "Delivery" -> reports.deliveries(mail, object(notification, "", "delivery"));
                default ->
                    throw new BadShape(
                            "notificationType " + ReportText.oneLine(type) + " is not Bounce, Complaint or Delivery");
            };
            return new Reading.Understood("ses", found);
        } catch (BadShape shape) {
            return new Reading.NotUnderstood(shape.getMessage());
        } catch (RuntimeException unreadable) {
            return new Reading.NotUnderstood("unreadable: " + ReportText.oneLine(unreadable.toString()));
        }
    }

    /** The SES notification: the envelope's {@code Message}, or the body itself with raw message delivery. */
    private JsonNode notification(JsonNode body) throws BadShape {
        JsonNode type = body.get("Type");
        if (type == null) {
            return body;
        }
        if (!type.isString() || !type.getStringValue().equals("Notification")) {
            throw new BadShape("Type " + ReportText.oneLine(type.coerceStringValue()) + " is not an SNS Notification");
        }
        return parse(text(body, "", "Message"), "Message");
    }

    private JsonNode parse(String text, String what) throws BadShape {
        try {
            JsonNode node = json.readValue(text == null ? "" : text, JsonNode.class);
            if (node == null || !node.isObject()) {
                throw new BadShape(what + " is not a JSON object");
            }
            return node;
        } catch (IOException notJson) {
            throw new BadShape(what + " is not JSON");
        }
    }
}
