package dev.listwire.feedback;

import dev.listwire.common.events.DeliveryFeedback;
import dev.listwire.common.events.FeedbackMark;
import dev.listwire.common.links.DeliveryRef;
import dev.listwire.common.suppression.SuppressionCause;
import dev.listwire.common.suppression.SuppressionList;
import dev.listwire.common.suppression.SuppressionReason;
import dev.listwire.feedback.reports.FeedbackReport;
import dev.listwire.feedback.reports.Reading;
import dev.listwire.feedback.reports.ReportKind;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Acts on one report, once: a hard bounce or a complaint suppresses the address for every list; soft bounces
 * are counted and suppress at the limit; a complaint is also written on the member's item of its list. The
 * event's ledger item and summary are marked when the report names the email it is about.
 *
 * <p>The report is taken first ({@link FeedbackState#claimReport}); every write after that is safe to repeat
 * but the summary's counter, so a failure gives the report back and the next reading acts on it again.
 */
@Singleton
final class FeedbackActions {

    private final FeedbackState state;
    private final SuppressionList suppressions;
    private final DeliveryFeedback deliveries;
    private final DynamoDbClient dynamoDb;
    private final FeedbackConfiguration configuration;
    private final Clock clock = Clock.systemUTC();

    FeedbackActions(
            FeedbackState state,
            SuppressionList suppressions,
            DeliveryFeedback deliveries,
            DynamoDbClient dynamoDb,
            FeedbackConfiguration configuration) {
        this.state = state;
        this.suppressions = suppressions;
        this.deliveries = deliveries;
        this.dynamoDb = dynamoDb;
        this.configuration = configuration;
    }

    /** Acts on every report of a reading, and counts what it did. */
    void actOn(Reading.Understood reading, FeedbackTally tally) {
        tally.understood(reading.format());
        for (FeedbackReport report : reading.reports()) {
            tally.acted(report, act(report));
        }
    }

    Acted act(FeedbackReport report) {
        if (report.kind() == ReportKind.DELIVERY) {
            return Acted.NOTHING;
        }
        if (!state.claimReport(report.reportId(), report.kind().logName())) {
            return Acted.DUPLICATE;
        }
        try {
            return switch (report.kind()) {
                case PERMANENT_BOUNCE -> hardBounce(report);
                case TRANSIENT_BOUNCE -> softBounce(report);
                case COMPLAINT -> complaint(report);
                case DELIVERY -> Acted.NOTHING;
            };
        } catch (RuntimeException e) {
            state.giveBack(report.reportId());
            throw e;
        }
    }

    private Acted hardBounce(FeedbackReport report) {
        suppressions.suppress(report.recipient(), cause(SuppressionReason.BOUNCE, reply(report), report.delivery()));
        mark(report, FeedbackMark.Kind.BOUNCE);
        return Acted.SUPPRESSED;
    }

    private Acted softBounce(FeedbackReport report) {
        mark(report, FeedbackMark.Kind.SOFT_BOUNCE);
        int within = state.softBounce(report.recipient(), report.reportId());
        if (within < configuration.transientLimit()) {
            return Acted.COUNTED;
        }
        String why = within + " soft bounces in " + configuration.transientDays() + " days, the last: " + reply(report);
        suppressions.suppress(report.recipient(), cause(SuppressionReason.BOUNCE, why, report.delivery()));
        return Acted.SUPPRESSED;
    }

    private Acted complaint(FeedbackReport report) {
        suppressions.suppress(
                report.recipient(),
                cause(SuppressionReason.COMPLAINT, "complaint: " + report.status(), report.delivery()));
        report.delivery().ifPresent(ref -> markMember(ref, report.status()));
        mark(report, FeedbackMark.Kind.COMPLAINT);
        return Acted.SUPPRESSED;
    }

    private void mark(FeedbackReport report, FeedbackMark.Kind kind) {
        report.delivery()
                .ifPresent(ref -> deliveries.record(
                        ref,
                        new FeedbackMark(kind, report.status(), report.detail(), clock.instant(), report.reportId())));
    }

    /** The complaint on the member's own item of that list, when the member is still on it. */
    private void markMember(DeliveryRef ref, String feedbackType) {
        try {
            dynamoDb.updateItem(b -> b.tableName(configuration.membersTable(ref.list()))
                    .key(Map.of("email", AttributeValue.fromS(ref.email())))
                    .updateExpression("SET complainedAt = :now, complaint = :type")
                    .conditionExpression("attribute_exists(email)")
                    .expressionAttributeValues(Map.of(
                            ":now", AttributeValue.fromN(Long.toString(clock.millis())),
                            ":type", AttributeValue.fromS(feedbackType))));
        } catch (ConditionalCheckFailedException noLongerAMember) {
            // Left the list since: the suppression is what counts.
        }
    }

    private static String reply(FeedbackReport report) {
        return report.detail().contains(report.status()) ? report.detail() : report.status() + " " + report.detail();
    }

    private static SuppressionCause cause(SuppressionReason reason, String reply, Optional<DeliveryRef> delivery) {
        return new SuppressionCause(reason, reply, delivery.map(DeliveryRef::list), delivery.map(DeliveryRef::eventId));
    }
}
