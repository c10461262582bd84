# The "imap" source: EventBridge Scheduler invokes the function every var.schedule (no charge for the
# schedule itself within 14 million invocations a month; see the README's cost), through a role of its own
# that may invoke this function's alias and nothing else. The input is ignored: the function reads what is
# new since the cursor it keeps in its table.

data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "scheduler_assume" {
  count = local.imap ? 1 : 0

  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }

    # Only schedules of this account may assume it (the confused-deputy guard Scheduler's guide gives).
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_iam_role" "scheduler" {
  count = local.imap ? 1 : 0

  name               = substr("${var.name}-schedule", 0, 64)
  description        = "EventBridge Scheduler: invokes ${var.name} and nothing else"
  assume_role_policy = data.aws_iam_policy_document.scheduler_assume[0].json
  tags               = var.tags
}

data "aws_iam_policy_document" "scheduler" {
  count = local.imap ? 1 : 0

  statement {
    sid       = "InvokeFeedbackFunction"
    actions   = ["lambda:InvokeFunction"]
    resources = [module.function.alias_arn]
  }
}

resource "aws_iam_role_policy" "scheduler" {
  count = local.imap ? 1 : 0

  name   = "invoke-${var.name}"
  role   = aws_iam_role.scheduler[0].id
  policy = data.aws_iam_policy_document.scheduler[0].json
}

resource "aws_scheduler_schedule" "this" {
  count = local.imap ? 1 : 0

  name                = var.name
  description         = "Reads the sending mailbox for bounces and complaints."
  schedule_expression = var.schedule

  # On time: a flexible window only spreads load, and there is one target.
  flexible_time_window {
    mode = "OFF"
  }

  target {
    # The alias: SnapStart applies to published versions, never to $LATEST.
    arn      = module.function.alias_arn
    role_arn = aws_iam_role.scheduler[0].arn
    # Without an input Scheduler sends a "default notification" whose shape it does not document; the handler
    # ignores its input but must be able to read it (FeedbackLambdaIT invokes the jar with this JSON).
    input = jsonencode({})

    # A run that failed or was throttled (reserved concurrency 1: the previous run still reading) is not
    # retried: the next run reads everything new since the cursor anyway.
    retry_policy {
      maximum_retry_attempts = 0
    }
  }
}
