# The "ses" source: SES publishes bounce, complaint and delivery notifications (with the original headers,
# where the X-Listwire-Delivery header is) to an SNS topic; the topic writes them to a queue that only it
# may send to; the function reads the queue and names the messages it could not handle (partial batch
# response); a message that fails max_receives times moves to the DLQ.

locals {
  # SES's notification types (https://docs.aws.amazon.com/ses/latest/dg/monitor-sending-activity-using-notifications-sns.html).
  ses_notification_types = local.ses && var.ses_identity != null ? toset(["Bounce", "Complaint", "Delivery"]) : toset([])

  identity_arn_prefix = "arn:${data.aws_partition.current.partition}:ses:*:${data.aws_caller_identity.current.account_id}:identity"
}

data "aws_partition" "current" {}

# Not encrypted: SES can publish only to a topic whose key policy lets it, and the AWS managed key aws/sns
# has a policy no one can change; a key of our own bills 1 USD a month (IdleCostTest). The queue is.
resource "aws_sns_topic" "this" {
  count = local.ses ? 1 : 0

  name = var.name
  tags = var.tags
}

data "aws_iam_policy_document" "topic" {
  count = local.ses ? 1 : 0

  statement {
    sid       = "SesPublishesNotifications"
    actions   = ["SNS:Publish"]
    resources = [aws_sns_topic.this[0].arn]

    principals {
      type        = "Service"
      identifiers = ["ses.amazonaws.com"]
    }

    # Only SES identities of this account (https://docs.aws.amazon.com/ses/latest/dg/configure-sns-notifications.html).
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["${local.identity_arn_prefix}/*"]
    }
  }
}

resource "aws_sns_topic_policy" "this" {
  count = local.ses ? 1 : 0

  arn    = aws_sns_topic.this[0].arn
  policy = data.aws_iam_policy_document.topic[0].json
}

resource "aws_sqs_queue" "dlq" {
  count = local.ses ? 1 : 0

  name                      = "${var.name}-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
  tags                      = var.tags
}

resource "aws_sqs_queue" "this" {
  count = local.ses ? 1 : 0

  name = var.name
  # Lambda's guidance for an SQS event source: at least six times the function timeout.
  visibility_timeout_seconds = 6 * var.timeout_seconds
  message_retention_seconds  = 1209600
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq[0].arn
    maxReceiveCount     = var.max_receives
  })
  tags = var.tags
}

resource "aws_sqs_queue_redrive_allow_policy" "dlq" {
  count = local.ses ? 1 : 0

  queue_url = aws_sqs_queue.dlq[0].id
  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.this[0].arn]
  })
}

# Only the topic may send to the queue.
data "aws_iam_policy_document" "queue" {
  count = local.ses ? 1 : 0

  statement {
    sid       = "TopicSendsNotifications"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.this[0].arn]

    principals {
      type        = "Service"
      identifiers = ["sns.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_sns_topic.this[0].arn]
    }
  }
}

resource "aws_sqs_queue_policy" "this" {
  count = local.ses ? 1 : 0

  queue_url = aws_sqs_queue.this[0].id
  policy    = data.aws_iam_policy_document.queue[0].json
}

resource "aws_sns_topic_subscription" "this" {
  count = local.ses ? 1 : 0

  topic_arn = aws_sns_topic.this[0].arn
  protocol  = "sqs"
  endpoint  = aws_sqs_queue.this[0].arn
  # The SQS body is SNS's envelope (Type, MessageId, Message = SES's notification as a JSON string), the
  # shape feedback's SesNotifications reads.
  raw_message_delivery = false

  depends_on = [aws_sqs_queue_policy.this]
}

resource "aws_lambda_event_source_mapping" "this" {
  count = local.ses ? 1 : 0

  event_source_arn = aws_sqs_queue.this[0].arn
  # The alias: SnapStart applies to published versions, never to $LATEST.
  function_name = module.function.alias_arn
  batch_size    = 10
  # The handler names only the messages it could not handle (SQSBatchResponse); the others are deleted.
  function_response_types = ["ReportBatchItemFailures"]

  scaling_config {
    maximum_concurrency = 2
  }
}

# Points the identity's notifications at the topic, original headers included (they carry the
# X-Listwire-Delivery header that names the list, event and member). Only when ses_identity is given.
resource "aws_ses_identity_notification_topic" "this" {
  for_each = local.ses_notification_types

  identity                 = var.ses_identity
  notification_type        = each.key
  topic_arn                = aws_sns_topic.this[0].arn
  include_original_headers = var.include_original_headers
}
