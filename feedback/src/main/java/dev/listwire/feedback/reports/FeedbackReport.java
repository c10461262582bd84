package dev.listwire.feedback.reports;

import dev.listwire.common.links.DeliveryRef;
import java.util.Optional;

/**
 * What one report says about one recipient of one email.
 *
 * @param kind      what happened
 * @param reportId  stable across readings of the same report (the same DSN read twice, SES redelivering the
 *                  same notification), so that it is acted on once: a hash of the report's own id and the
 *                  recipient
 * @param recipient the address the report is about, lower-cased
 * @param delivery  the list, event and member of the original email, from its verified
 *                  {@code X-Listwire-Delivery} header; empty when the report did not carry it
 * @param status    the RFC 3463 status ({@code 5.1.1}), or the complaint's feedback type ({@code abuse})
 * @param detail    the diagnostic code or the report's own words, for the ledger and the CLI; one line
 */
public record FeedbackReport(
        ReportKind kind,
        String reportId,
        String recipient,
        Optional<DeliveryRef> delivery,
        String status,
        String detail) {}
