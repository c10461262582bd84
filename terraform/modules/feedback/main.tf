# The feedback function (feedback/): reads bounces and complaints and acts on them (suppresses the address,
# marks the delivery and the event, records a complaint on the member). One jar, two handlers: "imap" reads
# the sending mailbox on a schedule (imap.tf), "ses" reads SES notifications from a queue (ses.tf). Only
# the chosen source's resources are created. What the function may do is in iam.tf.

locals {
  imap = var.source_kind == "imap"
  ses  = var.source_kind == "ses"

  handler = local.imap ? "dev.listwire.feedback.MailboxFeedbackHandler::handleRequest" : "dev.listwire.feedback.SesFeedbackHandler::handleRequest"

  # What the app reads. No secrets: ../function adds the names of the SSM parameters that hold them (the
  # mailbox's login is the SMTP account's, LISTWIRE_SSM_SMTP_USERNAME and _PASSWORD).
  environment = merge(
    {
      LISTWIRE_LEDGER_TABLE             = var.ledger_table_name
      LISTWIRE_EVENTS_TABLE             = var.events_table_name
      LISTWIRE_SUPPRESSION_TABLE        = var.suppression_table_name
      LISTWIRE_FEEDBACK_TABLE           = var.feedback_table_name
      LISTWIRE_LINKS_KEY_ID             = var.links_key_id
      LISTWIRE_FEEDBACK_MEMBER_TABLES   = join(",", [for list, table in var.member_tables : "${list}=${table.name}"])
      LISTWIRE_FEEDBACK_TRANSIENT_LIMIT = tostring(var.transient_limit)
      LISTWIRE_FEEDBACK_TRANSIENT_DAYS  = tostring(var.transient_days)
    },
    local.imap ? {
      LISTWIRE_FEEDBACK_MAILBOX_HOST           = var.mailbox.host
      LISTWIRE_FEEDBACK_MAILBOX_PORT           = tostring(var.mailbox.port)
      LISTWIRE_FEEDBACK_MAILBOX_HANDLED_FOLDER = var.mailbox.handled_folder
    } : {},
    # ses: a message that is no SES notification goes to the DLQ at once, with its reason, not after retries.
    local.ses ? { LISTWIRE_FEEDBACK_DLQ_URL = aws_sqs_queue.dlq[0].url } : {},
  )
}

module "function" {
  source = "../function"

  name                     = var.name
  description              = "listwire feedback: bounces and complaints (${var.source_kind})"
  role_name                = var.name
  handler                  = local.handler
  artifact_path            = var.artifact_path
  timeout_seconds          = var.timeout_seconds
  memory_size              = var.memory_size
  architecture             = var.architecture
  environment              = local.environment
  ssm_parameters           = var.ssm_parameters
  ssm_parameter_arn_prefix = var.ssm_parameter_arn_prefix
  policy_json              = data.aws_iam_policy_document.function.json
  log_retention_days       = var.log_retention_days
  tags                     = var.tags
  # Two runs must not read the mailbox at once (both would act on the same new messages and move them).
  reserved_concurrent_executions = local.imap ? 1 : -1
}
