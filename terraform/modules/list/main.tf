# One list: its queue and DLQ, its members table, its function behind a SnapStart alias, the event
# source mapping between them, its log group and (optionally) an alarm on its DLQ. Its IAM is in iam.tf.

locals {
  artifact = "${var.source_dir}/target/function.jar"

  # Lambda's guidance for an SQS event source: a visibility timeout of at least six times the function
  # timeout, so that a batch that is retried under throttling is not seen twice while still running.
  # https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html
  visibility_timeout_seconds = 6 * var.timeout_seconds

  # The function's whole configuration; secrets are not here, only the names of the SSM parameters
  # that hold them (see common/.../secrets/SsmSecrets.java).
  environment = merge(var.environment, {
    LISTWIRE_FUNCTION_DLQ_URL       = aws_sqs_queue.dlq.url
    LISTWIRE_FUNCTION_MEMBERS_TABLE = aws_dynamodb_table.members.name
    LISTWIRE_LEDGER_TABLE           = var.ledger_table_name
    LISTWIRE_LINKS_BASE_URL         = var.links_base_url
    LISTWIRE_LINKS_KEY_ID           = var.links_key_id
    LISTWIRE_SMTP_HOST              = var.smtp.host
    LISTWIRE_SMTP_PORT              = tostring(var.smtp.port)
    LISTWIRE_SMTP_STARTTLS          = tostring(var.smtp.starttls)
    LISTWIRE_SSM_SMTP_USERNAME      = var.ssm_parameters.smtp_username
    LISTWIRE_SSM_SMTP_PASSWORD      = var.ssm_parameters.smtp_password
    LISTWIRE_SSM_LINKS_KEY          = var.ssm_parameters.links_key
  })
}

resource "aws_sqs_queue" "dlq" {
  name = "${var.name}-dlq"
  # A redriven message keeps its first enqueue time, so the DLQ keeps messages longer than the queue:
  # 14 days, the most SQS allows.
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
  tags                      = var.tags
}

resource "aws_sqs_queue" "this" {
  name                       = var.name
  visibility_timeout_seconds = local.visibility_timeout_seconds
  message_retention_seconds  = 345600
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = var.max_receives
  })
  tags = var.tags

  lifecycle {
    precondition {
      condition     = basename(var.source_dir) == var.name
      error_message = "${var.source_dir}/list.json names the list \"${var.name}\": a list's directory and its name must be the same."
    }
    precondition {
      condition     = var.max_receives >= var.minimum_max_receives
      error_message = "List ${var.name}: tuning.maxReceives is ${var.max_receives}, below ${var.minimum_max_receives}. Lambda's guidance is at least 5, so that receives lost to throttling do not dead-letter good messages; lower minimum_max_receives only on purpose."
    }
  }
}

# Only this list's queue may move messages into its DLQ.
resource "aws_sqs_queue_redrive_allow_policy" "dlq" {
  queue_url = aws_sqs_queue.dlq.id
  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.this.arn]
  })
}

resource "aws_dynamodb_table" "members" {
  name                        = var.name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "email"
  deletion_protection_enabled = var.deletion_protection
  tags                        = var.tags

  attribute {
    name = "email"
    type = "S"
  }

  point_in_time_recovery {
    enabled = var.point_in_time_recovery
  }
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/aws/lambda/${var.name}"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

resource "aws_lambda_function" "this" {
  function_name    = var.name
  description      = "listwire list ${var.name}"
  role             = aws_iam_role.this.arn
  runtime          = "java21"
  handler          = var.handler
  filename         = local.artifact
  source_code_hash = filebase64sha256(local.artifact)
  architectures    = [var.architecture]
  memory_size      = var.memory_size
  timeout          = var.timeout_seconds
  # SnapStart snapshots published versions only; the alias below always points at the newest.
  publish = true
  tags    = var.tags

  snap_start {
    apply_on = "PublishedVersions"
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.this.name
  }

  environment {
    variables = local.environment
  }

  # The role must be able to write logs and read its secrets before the first (snapshot) start.
  depends_on = [aws_iam_role_policy.this]
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  description      = "The newest published (SnapStart) version; the event source mapping invokes it."
  function_name    = aws_lambda_function.this.function_name
  function_version = aws_lambda_function.this.version
}

resource "aws_lambda_event_source_mapping" "this" {
  event_source_arn = aws_sqs_queue.this.arn
  function_name    = aws_lambda_alias.live.arn
  batch_size       = var.batch_size
  # SQS requires a batching window of at least 1 s for batches larger than 10.
  maximum_batching_window_in_seconds = var.batch_size > 10 ? 1 : 0
  # The handler names only the failed messages (SQSBatchResponse); the others are deleted.
  function_response_types = ["ReportBatchItemFailures"]

  scaling_config {
    maximum_concurrency = var.max_concurrency
  }

  depends_on = [aws_iam_role_policy.this]
}

resource "aws_cloudwatch_metric_alarm" "dlq_not_empty" {
  count = var.dlq_alarm ? 1 : 0

  alarm_name          = "${var.name}-dlq-not-empty"
  alarm_description   = "A message of list ${var.name} could not be sent; its reason is in the listwire-error attribute."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.dlq.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  tags                = var.tags
}
