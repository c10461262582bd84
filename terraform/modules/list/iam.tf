# The list function's role may consume and continue only its own queue, send only to its own DLQ, read
# only its own members table, write only its own ledger entries and events' summaries and count only its
# account's sends;
# ../function adds, for every function, reading only the SSM parameters it names and writing only its
# own log group.

data "aws_iam_policy_document" "function" {
  statement {
    sid = "ConsumeOwnQueue"
    # What the event source mapping needs: https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html
    actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]
    resources = [aws_sqs_queue.this.arn]
  }

  statement {
    sid = "ContinueOnOwnQueue"
    # A list too long for one invocation goes on in a continuation message on its own queue.
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.this.arn]
  }

  statement {
    sid       = "DeadLetterToOwnDlq"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.dlq.arn]
  }

  statement {
    sid = "ReadOwnMembers"
    # MemberTable pages the members with Scan; the function never writes its table.
    actions   = ["dynamodb:Scan"]
    resources = [aws_dynamodb_table.members.arn]
  }

  statement {
    sid = "WriteOwnLedgerEntries"
    # The operations DeliveryLedger/EventLedger/SegmentRuns make: conditional UpdateItem (a claim, a
    # release to deferred, a segment's first run), GetItem (who holds a claim; the event's split),
    # DeleteItem (release), BatchWriteItem (outcomes), Query with Limit 1 (whether the ledger knows the
    # event before its split is recorded), conditional PutItem (the split). LedgerPermissionsTest checks
    # this list against the calls a function really makes.
    actions = [
      "dynamodb:UpdateItem", "dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
      "dynamodb:Query", "dynamodb:PutItem",
    ]
    resources = [var.ledger_table_arn]

    # Ledger keys are "<list>#<eventId>": every key in the request must start with this list's name.
    # dynamodb:LeadingKeys is multivalued, so StringLike is qualified with ForAllValues
    # (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html,
    # https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html).
    condition {
      test     = "ForAllValues:StringLike"
      variable = "dynamodb:LeadingKeys"
      values   = ["${var.name}#*"]
    }

    # ForAllValues is also true when a request carries no key at all; require that it carries one.
    condition {
      test     = "Null"
      variable = "dynamodb:LeadingKeys"
      values   = ["false"]
    }
  }

  statement {
    sid = "SummarizeOwnEvents"
    # EventSummaries: one UpdateItem per event per invocation on the event's summary, whose key "list" is
    # this list's name: only those items (dynamodb:LeadingKeys, with Null = false as for the ledger). A part
    # of an event split into segments reads its summary (GetItem) to take over the connections of the
    # parts that ended (ConnectionShare).
    actions   = ["dynamodb:UpdateItem", "dynamodb:GetItem"]
    resources = [var.events_table_arn]

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "dynamodb:LeadingKeys"
      values   = [var.name]
    }

    condition {
      test     = "Null"
      variable = "dynamodb:LeadingKeys"
      values   = ["false"]
    }
  }

  statement {
    sid = "ReadSuppressions"
    # SuppressedAddresses: one BatchGetItem of up to 100 keys, the key alone, per hundred members to send.
    actions   = ["dynamodb:BatchGetItem"]
    resources = [var.suppression_table_arn]
  }

  statement {
    sid = "SuppressRefusedAddresses"
    # SuppressionList.suppress after a refusal for good: one UpdateItem, only the suppression attributes,
    # no values returned. Taking an address off the list is not the list function's to do.
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
    sid = "CountOwnAccountSends"
    # SendingAccount: UpdateItem reserves sends, GetItem reads a full hour, BatchGetItem the day before it.
    actions   = ["dynamodb:UpdateItem", "dynamodb:GetItem", "dynamodb:BatchGetItem"]
    resources = [var.sending_table_arn]

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "dynamodb:LeadingKeys"
      values   = [var.sending.account]
    }

    condition {
      test     = "Null"
      variable = "dynamodb:LeadingKeys"
      values   = ["false"]
    }
  }
}

# What a producer service attaches to be allowed to send to this list, and nothing else. SendMessage
# covers SendMessageBatch too; the queue's SSE is SQS-managed, so no KMS permission is needed.
data "aws_iam_policy_document" "producer" {
  statement {
    sid       = "SendToList"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.this.arn]
  }
}
