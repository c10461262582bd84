output "function_name" {
  description = "The feedback function."
  value       = module.function.function_name
}

output "role_arn" {
  description = "The function's execution role."
  value       = module.function.role_arn
}

output "log_group_name" {
  description = "Where the function's log lines go (one per run, with what it read, acted on and left)."
  value       = module.function.log_group_name
}

output "schedule_name" {
  description = "imap: the EventBridge Scheduler schedule that runs the function; null for ses."
  value       = local.imap ? aws_scheduler_schedule.this[0].name : null
}

output "topic_arn" {
  description = "ses: the SNS topic to point SES's bounce, complaint and delivery notifications at (done for ses_identity); null for imap."
  value       = local.ses ? aws_sns_topic.this[0].arn : null
}

output "queue_url" {
  description = "ses: the queue the function reads the notifications from; null for imap."
  value       = local.ses ? aws_sqs_queue.this[0].url : null
}

output "dlq_url" {
  description = "ses: notifications that failed max_receives times; null for imap."
  value       = local.ses ? aws_sqs_queue.dlq[0].url : null
}
