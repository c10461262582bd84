package dev.listwire.terraform;

import static dev.listwire.terraform.Module.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The feedback function's "ses" source: SES's notifications reach an SNS topic, the topic a queue that only it
 * may write to, and the function reads the queue with partial batch responses.
 */
class FeedbackSesWiringTest {

    @Test
    void onlyTheTopicMaySendToTheQueueWhichTheFunctionReadsWithPartialBatchResponses() {
        Module feedback = Module.feedback();
        JsonNode statement = feedback.data("aws_iam_policy_document", "queue")
                .path("statement")
                .get(0);

        assertEquals(
                1,
                feedback.data("aws_iam_policy_document", "queue")
                        .path("statement")
                        .size());
        assertEquals(List.of("sqs:SendMessage"), Policies.texts(statement.path("actions")));
        assertEquals(List.of("aws_sqs_queue.this[0].arn"), Policies.texts(statement.path("resources")));
        assertEquals(
                List.of("sns.amazonaws.com"),
                Policies.texts(statement.path("principals").get(0).path("identifiers")));
        JsonNode source = Policies.conditions(statement, "variable").get("aws:SourceArn");
        assertEquals("ArnEquals", source.path("test").asText());
        assertEquals(List.of("aws_sns_topic.this[0].arn"), Policies.texts(source.path("values")));
        assertEquals(
                "data.aws_iam_policy_document.queue[0].json",
                expr(feedback.resource("aws_sqs_queue_policy", "this").path("policy")));

        JsonNode subscription = feedback.resource("aws_sns_topic_subscription", "this");
        assertEquals("aws_sns_topic.this[0].arn", expr(subscription.path("topic_arn")));
        assertEquals("sqs", subscription.path("protocol").asText());
        assertEquals("aws_sqs_queue.this[0].arn", expr(subscription.path("endpoint")));

        JsonNode mapping = feedback.resource("aws_lambda_event_source_mapping", "this");
        assertEquals("aws_sqs_queue.this[0].arn", expr(mapping.path("event_source_arn")));
        assertEquals("module.function.alias_arn", expr(mapping.path("function_name")));
        assertEquals(List.of("ReportBatchItemFailures"), Policies.texts(mapping.path("function_response_types")));
        JsonNode queue = feedback.resource("aws_sqs_queue", "this");
        assertTrue(expr(queue.path("redrive_policy")).contains("deadLetterTargetArn = aws_sqs_queue.dlq[0].arn"));
        assertEquals("6 * var.timeout_seconds", expr(queue.path("visibility_timeout_seconds")));
        assertTrue(queue.path("sqs_managed_sse_enabled").asBoolean());
    }

    @Test
    void sesIsPointedAtTheTopicWithTheOriginalHeadersOnlyWhenAnIdentityIsGiven() {
        Module feedback = Module.feedback();
        JsonNode topic = feedback.resource("aws_ses_identity_notification_topic", "this");

        assertEquals("local.ses_notification_types", expr(topic.path("for_each")));
        assertEquals("var.ses_identity", expr(topic.path("identity")));
        assertEquals("aws_sns_topic.this[0].arn", expr(topic.path("topic_arn")));
        assertEquals("var.include_original_headers", expr(topic.path("include_original_headers")));
        assertTrue(feedback.variable("include_original_headers").path("default").asBoolean(false));
        JsonNode publish = feedback.data("aws_iam_policy_document", "topic")
                .path("statement")
                .get(0);
        assertEquals(
                List.of("ses.amazonaws.com"),
                Policies.texts(publish.path("principals").get(0).path("identifiers")));
        assertEquals(List.of("SNS:Publish"), Policies.texts(publish.path("actions")));
    }
}
