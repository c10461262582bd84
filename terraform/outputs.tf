output "queues" {
  description = "For producers: each list's queue URL and ARN, by list name."
  value = {
    for name, list in module.list : name => {
      url = list.queue_url
      arn = list.queue_arn
    }
  }
}

output "producer_policies" {
  description = "For producers: by list name, an IAM policy document (JSON) that allows sending to that list's queue and nothing else."
  value       = { for name, list in module.list : name => list.producer_policy_json }
}

output "dead_letter_queues" {
  description = "Each list's DLQ URL, by list name."
  value       = { for name, list in module.list : name => list.dlq_url }
}

output "member_tables" {
  description = "Each list's members table, by list name."
  value       = { for name, list in module.list : name => list.table_name }
}

output "functions" {
  description = "Each list's Lambda function and the alias that the event source mapping invokes, by list name."
  value = {
    for name, list in module.list : name => {
      name      = list.function_name
      alias_arn = list.alias_arn
      log_group = list.log_group_name
    }
  }
}

output "suppression_table" {
  description = "The suppression list every list shares (./listwire suppressions --table, when not the default)."
  value       = aws_dynamodb_table.suppressions.name
}

output "ledger_table" {
  description = "The shared delivery ledger table."
  value       = aws_dynamodb_table.ledger.name
}

output "ssm_parameters" {
  description = "The SSM parameters to create out of band (SecureString), by purpose; link_keys by key id."
  value       = merge(var.ssm_parameters, { link_keys = var.link_keys.parameters })
}

output "preference_center_url" {
  description = "The preference center's page where a member asks for a link to their preferences (put it on your website)."
  value       = local.links_base_url == null ? null : "${local.links_base_url}/preferences"
}

output "subscriptions_url" {
  description = "The subscriptions function's URL, or null while enable_subscriptions is false."
  value       = var.enable_subscriptions ? module.subscriptions[0].function_url : null
}

output "links_base_url" {
  description = "Where the lists' unsubscribe and preference links point."
  value       = local.links_base_url
}

output "events_table" {
  description = "The event summaries table (./listwire events reads it)."
  value       = aws_dynamodb_table.events.name
}

output "feedback" {
  description = "The feedback function and its source's parts: function_name, log_group_name, and schedule_name (imap) or topic_arn, queue_url, dlq_url (ses); null when feedback.source is \"none\"."
  value = local.feedback_enabled ? {
    function_name  = module.feedback[0].function_name
    log_group_name = module.feedback[0].log_group_name
    schedule_name  = module.feedback[0].schedule_name
    topic_arn      = module.feedback[0].topic_arn
    queue_url      = module.feedback[0].queue_url
    dlq_url        = module.feedback[0].dlq_url
  } : null
}
