# listwire on AWS: one queue, table and function per list (modules/list), read from the list manifests,
# plus what the lists share: the delivery ledger, the names of the secrets in SSM Parameter Store and
# the subscriptions function (modules/subscriptions), whose URL every list's links point to.

locals {
  lists_dir = "${path.module}/../lists"

  # Every lists/<list>/list.json is a list: adding one (the archetype does) needs no edit here.
  manifests = {
    for file in fileset(local.lists_dir, "*/list.json") :
    dirname(file) => jsondecode(file("${local.lists_dir}/${file}"))
  }

  # Keyed by the manifest's name (two manifests with one name fail here, as a duplicate key).
  lists = {
    for dir, manifest in local.manifests : manifest.name => {
      source_dir = "${local.lists_dir}/${dir}"
      # The archetype's convention: list "stock-movement-alerts" has the handler
      # dev.listwire.lists.stockmovementalerts.StockMovementAlertsFunction.
      handler         = "dev.listwire.lists.${replace(manifest.name, "-", "")}.${join("", [for word in split("-", manifest.name) : title(word)])}Function"
      batch_size      = manifest.tuning.batchSize
      timeout_seconds = manifest.tuning.timeoutSeconds
      max_receives    = try(manifest.tuning.maxReceives, 5)
      max_concurrency = try(manifest.tuning.maxConcurrency, 2)
    }
  }

  # Built from the names, not read from module.list: the lists' functions depend on the subscriptions
  # function's URL, so the subscriptions function must not depend on module.list (a cycle).
  list_table_arns = {
    for name in keys(local.lists) :
    name => "arn:${data.aws_partition.current.partition}:dynamodb:${var.region}:${data.aws_caller_identity.current.account_id}:table/${name}"
  }

  # What every function reads from SSM at start: the SMTP credentials, the current link key and the
  # retired ones (by id), all names from the variables; the values never pass through Terraform.
  ssm_parameters = {
    smtp_username      = var.ssm_parameters.smtp_username
    smtp_password      = var.ssm_parameters.smtp_password
    links_key          = var.link_keys.parameters[var.link_keys.current]
    links_retired_keys = { for id, name in var.link_keys.parameters : id => name if id != var.link_keys.current }
  }

  # The feedback function (modules/feedback) and its state table exist unless feedback.source is "none".
  feedback_enabled = var.feedback.source != "none"

  ssm_parameter_arn_prefix = "arn:${data.aws_partition.current.partition}:ssm:${var.region}:${data.aws_caller_identity.current.account_id}:parameter"

  # A preference center address of one's own (a custom domain); "" counts as none, which is what the
  # workflow passes while its repository variable LISTWIRE_LINKS_BASE_URL is unset.
  custom_links_base_url = var.links_base_url == null ? null : (var.links_base_url == "" ? null : trimsuffix(var.links_base_url, "/"))

  # Where every list's links point: that address, or else the subscriptions function's URL. The function
  # itself is given only the custom address (never its own URL, a cycle): it reads its URL from requests.
  links_base_url = local.custom_links_base_url != null ? local.custom_links_base_url : (
    var.enable_subscriptions ? trimsuffix(module.subscriptions[0].function_url, "/") : null
  )
}

module "list" {
  source   = "./modules/list"
  for_each = local.lists

  name                     = each.key
  source_dir               = each.value.source_dir
  handler                  = each.value.handler
  batch_size               = each.value.batch_size
  timeout_seconds          = each.value.timeout_seconds
  max_receives             = each.value.max_receives
  minimum_max_receives     = var.minimum_max_receives
  max_concurrency          = each.value.max_concurrency
  memory_size              = var.list_memory_size
  architecture             = var.architecture
  ledger_table_name        = aws_dynamodb_table.ledger.name
  ledger_table_arn         = aws_dynamodb_table.ledger.arn
  events_table_name        = aws_dynamodb_table.events.name
  events_table_arn         = aws_dynamodb_table.events.arn
  sending_table_arn        = aws_dynamodb_table.sending.arn
  sending                  = var.sending
  suppression_table_name   = aws_dynamodb_table.suppressions.name
  suppression_table_arn    = aws_dynamodb_table.suppressions.arn
  links_base_url           = local.links_base_url
  links_key_id             = var.link_keys.current
  smtp                     = var.smtp
  ssm_parameters           = local.ssm_parameters
  ssm_parameter_arn_prefix = local.ssm_parameter_arn_prefix
  point_in_time_recovery   = var.point_in_time_recovery
  deletion_protection      = var.deletion_protection
  log_retention_days       = var.log_retention_days
  dlq_alarm                = var.dlq_alarms
  alarm_actions            = var.alarm_actions
}

# The per-recipient delivery ledger that every list shares: key "event" = "<list>#<eventId>", sort key
# "email"; DynamoDB's TTL deletes an entry after expiresAt (14 days, free of charge).
resource "aws_dynamodb_table" "ledger" {
  name                        = var.ledger_table_name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "event"
  range_key                   = "email"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "event"
    type = "S"
  }

  attribute {
    name = "email"
    type = "S"
  }

  ttl {
    attribute_name = "expiresAt"
    enabled        = true
  }
}

# The sending account's shared counters (rate and rolling-day quota, see SendingAccount): key "account",
# sort key "bucket" = "h#<epoch hour>"; TTL deletes an hour's item a day after it leaves the quota window.
resource "aws_dynamodb_table" "sending" {
  name                        = var.sending.table_name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "account"
  range_key                   = "bucket"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "account"
    type = "S"
  }

  attribute {
    name = "bucket"
    type = "S"
  }

  ttl {
    attribute_name = "expiresAt"
    enabled        = true
  }
}

# The suppression list every list shares (common/.../suppression): key "email", lower-cased as in the member
# tables. Sends read it a hundred addresses a call and add an address the SMTP server refuses for good; a
# join through the preference center removes one. On demand like the others, no point-in-time recovery
# and DynamoDB's default encryption at rest (no key of ours to pay for): with no traffic it costs nothing.
resource "aws_dynamodb_table" "suppressions" {
  name                        = var.suppression_table_name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "email"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "email"
    type = "S"
  }
}

# One summary item per event (common/.../events), so that "how did event X go" never scans the ledger: key
# "list", sort key "eventId"; the local index "recent" orders a list's events by firstSeen for
# `./listwire events <list>`. A list function adds to its own events' items once per invocation, the feedback
# function counts bounces and complaints on them; TTL deletes a summary after its retention (free of charge).
# On demand, DynamoDB's default encryption and no point-in-time recovery, as the other shared tables: nothing
# bills without requests.
resource "aws_dynamodb_table" "events" {
  name                        = var.events_table_name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "list"
  range_key                   = "eventId"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "list"
    type = "S"
  }

  attribute {
    name = "eventId"
    type = "S"
  }

  attribute {
    name = "firstSeen"
    type = "N"
  }

  local_secondary_index {
    name            = "recent"
    range_key       = "firstSeen"
    projection_type = "ALL"
  }

  ttl {
    attribute_name = "expiresAt"
    enabled        = true
  }
}

# The feedback function's own state (feedback/): the mailbox cursor (UIDVALIDITY, last UID), one item per
# report acted on (so a report read twice acts once) and one per soft bounce (counted over a window). Key
# "pk", sort key "sk"; TTL on expiresAt forgets the dedupe and soft-bounce items. Only when the function is
# deployed (feedback.source is not "none"); on demand, nothing that bills while idle.
resource "aws_dynamodb_table" "feedback" {
  count = local.feedback_enabled ? 1 : 0

  name                        = var.feedback.table_name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "pk"
  range_key                   = "sk"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "pk"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "S"
  }

  ttl {
    attribute_name = "expiresAt"
    enabled        = true
  }
}

# The preference center and one-click unsubscribe. On by default: a function URL and a function bill
# per request only. It depends on no list (list_tables is built from the names), so the lists can be
# given its URL.
module "subscriptions" {
  source = "./modules/subscriptions"
  count  = var.enable_subscriptions ? 1 : 0

  artifact_path            = "${path.module}/../subscriptions/target/function.jar"
  list_tables              = local.list_table_arns
  ledger_table_name        = aws_dynamodb_table.ledger.name
  ledger_table_arn         = aws_dynamodb_table.ledger.arn
  suppression_table_name   = aws_dynamodb_table.suppressions.name
  suppression_table_arn    = aws_dynamodb_table.suppressions.arn
  sending_table_arn        = aws_dynamodb_table.sending.arn
  sending                  = var.sending
  link_caps                = var.link_caps
  reserved_concurrency     = var.subscriptions_reserved_concurrency
  links_base_url           = local.custom_links_base_url
  from                     = var.preferences_from
  links_key_id             = var.link_keys.current
  smtp                     = var.smtp
  ssm_parameters           = local.ssm_parameters
  ssm_parameter_arn_prefix = local.ssm_parameter_arn_prefix
  architecture             = var.architecture
  log_retention_days       = var.log_retention_days
}

# Bounces and complaints (modules/feedback): from the sending mailbox on a schedule (feedback.source =
# "imap", the default), from SES notifications ("ses"), or not at all ("none"). Every list's table is
# given, for the complaints recorded on a member's item.
module "feedback" {
  source = "./modules/feedback"
  count  = local.feedback_enabled ? 1 : 0

  source_kind              = var.feedback.source
  artifact_path            = "${path.module}/../feedback/target/function.jar"
  schedule                 = var.feedback.schedule
  ses_identity             = var.feedback.ses_identity
  include_original_headers = var.feedback.include_original_headers
  transient_limit          = var.feedback.transient_limit
  transient_days           = var.feedback.transient_days

  mailbox = {
    host           = var.feedback.mailbox_host
    port           = var.feedback.mailbox_port
    handled_folder = var.feedback.handled_folder
  }

  member_tables = {
    for name, list in module.list : name => { name = list.table_name, arn = list.table_arn }
  }

  ledger_table_name        = aws_dynamodb_table.ledger.name
  ledger_table_arn         = aws_dynamodb_table.ledger.arn
  events_table_name        = aws_dynamodb_table.events.name
  events_table_arn         = aws_dynamodb_table.events.arn
  suppression_table_name   = aws_dynamodb_table.suppressions.name
  suppression_table_arn    = aws_dynamodb_table.suppressions.arn
  feedback_table_name      = aws_dynamodb_table.feedback[0].name
  feedback_table_arn       = aws_dynamodb_table.feedback[0].arn
  links_key_id             = var.link_keys.current
  ssm_parameters           = local.ssm_parameters
  ssm_parameter_arn_prefix = local.ssm_parameter_arn_prefix
  architecture             = var.architecture
  log_retention_days       = var.log_retention_days
}
