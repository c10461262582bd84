# The feedback function's role: mark deliveries on the ledger and count them on the events' summaries
# (common/.../events/DeliveryFeedback), suppress addresses as the lists do, record a complaint on the
# member's item of each list, keep its own state, and (ses) consume its queue and dead-letter what is no
# notification. Nothing else besides what ../function adds for every function: reading the SSM parameters
# it names, writing its own logs.

data "aws_iam_policy_document" "function" {
  statement {
    sid = "MarkDeliveriesOnTheLedger"
    # DeliveryFeedback: one UpdateItem that SETs the bounce, softBounce or complaint map on a ledger item
    # that exists, and hands back the old one. Only those attributes (and the key's), so the feedback
    # function cannot rewrite a delivery's claim or its sent mark; any list's entries, as reports come
    # for every list.
    actions   = ["dynamodb:UpdateItem"]
    resources = [var.ledger_table_arn]

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "dynamodb:Attributes"
      values   = ["event", "email", "bounce", "softBounce", "complaint"]
    }

    condition {
      test     = "StringEqualsIfExists"
      variable = "dynamodb:ReturnValues"
      values   = ["NONE", "UPDATED_OLD"]
    }
  }

  statement {
    sid = "CountOnEventSummaries"
    # DeliveryFeedback: ADD 1 to the summary's bounced, softBounced or complaints, when the summary exists.
    actions   = ["dynamodb:UpdateItem"]
    resources = [var.events_table_arn]

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "dynamodb:Attributes"
      values   = ["list", "eventId", "bounced", "softBounced", "complaints"]
    }

    condition {
      test     = "StringEqualsIfExists"
      variable = "dynamodb:ReturnValues"
      values   = ["NONE"]
    }
  }

  statement {
    sid = "SuppressBouncedAndComplainingAddresses"
    # SuppressionList.suppress, as the list functions call it (../list/iam.tf): one UpdateItem, only the
    # suppression attributes, no values returned; never DeleteItem.
    actions   = ["dynamodb:UpdateItem"]
    resources = [var.suppression_table_arn]

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "dynamodb:Attributes"
      values   = ["email", "reason", "reply", "firstSeen", "lastSeen", "sourceList", "sourceEvent", "count"]
    }

    condition {
      test     = "StringEqualsIfExists"
      variable = "dynamodb:ReturnValues"
      values   = ["NONE"]
    }
  }

  statement {
    sid = "RecordComplaintsOnMembers"
    # A complaint SETs complainedAt and complaint on the member's item of the list (only an item that
    # exists): only those attributes, so no member's data or membership is changed from here.
    actions   = ["dynamodb:UpdateItem"]
    resources = [for table in values(var.member_tables) : table.arn]

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "dynamodb:Attributes"
      values   = ["email", "complainedAt", "complaint"]
    }

    condition {
      test     = "StringEqualsIfExists"
      variable = "dynamodb:ReturnValues"
      values   = ["NONE"]
    }
  }

  statement {
    sid = "KeepOwnState"
    # The mailbox cursor, one item per report acted on (dedupe), the soft bounces counted over a window.
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query"]
    resources = [var.feedback_table_arn]
  }

  dynamic "statement" {
    for_each = local.ses ? [aws_sqs_queue.this[0].arn] : []

    content {
      sid = "ConsumeOwnQueue"
      # What the event source mapping needs: https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html
      actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]
      resources = [statement.value]
    }
  }

  dynamic "statement" {
    for_each = local.ses ? [aws_sqs_queue.dlq[0].arn] : []

    content {
      sid = "DeadLetterToOwnDlq"
      # A message that is not an SES notification is moved there at once, with its reason.
      actions   = ["sqs:SendMessage"]
      resources = [statement.value]
    }
  }
}
