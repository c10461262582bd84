# One list: its queue and DLQ, its members table, its function (../function: SnapStart behind an alias,
# its log group and role), the event source mapping between them and, optionally, an alarm on its DLQ.
# What the function may do is in iam.tf.

locals {
  artifact = "${var.source_dir}/target/function.jar"

  # Lambda's guidance for an SQS event source: a visibility timeout of at least six times the function
  # timeout, so that a batch that is retried under throttling is not seen twice while still running.
  # https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html
  visibility_timeout_seconds = 6 * var.timeout_seconds

  # The function's configuration. No secrets: ../function adds the names of the SSM parameters that
  # hold them.
  environment = merge(var.environment, {
    LISTWIRE_FUNCTION_DLQ_URL        = aws_sqs_queue.dlq.url
    LISTWIRE_FUNCTION_QUEUE_URL      = aws_sqs_queue.this.url
    LISTWIRE_FUNCTION_MEMBERS_TABLE  = aws_dynamodb_table.members.name
    LISTWIRE_LEDGER_TABLE            = var.ledger_table_name
    LISTWIRE_EVENTS_TABLE            = var.events_table_name
    LISTWIRE_SENDING_TABLE           = var.sending.table_name
    LISTWIRE_SUPPRESSION_TABLE       = var.suppression_table_name
    LISTWIRE_SENDING_ACCOUNT         = var.sending.account
    LISTWIRE_SENDING_RATE_PER_SECOND = tostring(var.sending.rate_per_second)
    LISTWIRE_SENDING_DAILY_QUOTA     = tostring(var.sending.daily_quota)
    LISTWIRE_LINKS_BASE_URL          = var.links_base_url
    LISTWIRE_LINKS_KEY_ID            = var.links_key_id
    LISTWIRE_SMTP_HOST               = var.smtp.host
    LISTWIRE_SMTP_PORT               = tostring(var.smtp.port)
    LISTWIRE_SMTP_STARTTLS           = tostring(var.smtp.starttls)
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

module "function" {
  source = "../function"

  name                     = var.name
  description              = "listwire list ${var.name}"
  role_name                = substr("listwire-${var.name}", 0, 64) # a list name may have 63 characters
  handler                  = var.handler
  artifact_path            = local.artifact
  timeout_seconds          = var.timeout_seconds
  memory_size              = var.memory_size
  architecture             = var.architecture
  environment              = local.environment
  ssm_parameters           = var.ssm_parameters
  ssm_parameter_arn_prefix = var.ssm_parameter_arn_prefix
  policy_json              = data.aws_iam_policy_document.function.json
  log_retention_days       = var.log_retention_days
  tags                     = var.tags
}

resource "aws_lambda_event_source_mapping" "this" {
  event_source_arn = aws_sqs_queue.this.arn
  # The alias: SnapStart applies to published versions, never to $LATEST.
  function_name = module.function.alias_arn
  batch_size    = var.batch_size
  # SQS requires a batching window of at least 1 s for batches larger than 10.
  maximum_batching_window_in_seconds = var.batch_size > 10 ? 1 : 0
  # The handler names only the failed messages (SQSBatchResponse); the others are deleted.
  function_response_types = ["ReportBatchItemFailures"]

  scaling_config {
    maximum_concurrency = var.max_concurrency
  }
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
