output "queue_url" {
  description = "The list's queue: producers send the payload here."
  value       = aws_sqs_queue.this.url
}

output "queue_arn" {
  description = "The list's queue ARN."
  value       = aws_sqs_queue.this.arn
}

output "dlq_url" {
  description = "The list's dead-letter queue."
  value       = aws_sqs_queue.dlq.url
}

output "dlq_arn" {
  description = "The list's dead-letter queue ARN."
  value       = aws_sqs_queue.dlq.arn
}

output "table_name" {
  description = "The list's members table."
  value       = aws_dynamodb_table.members.name
}

output "table_arn" {
  description = "The list's members table ARN."
  value       = aws_dynamodb_table.members.arn
}

output "function_name" {
  description = "The list's Lambda function."
  value       = module.function.function_name
}

output "alias_arn" {
  description = "The alias the event source mapping invokes (the newest SnapStart version)."
  value       = module.function.alias_arn
}

output "role_arn" {
  description = "The function's execution role."
  value       = module.function.role_arn
}

output "log_group_name" {
  description = "Where the function's JSON log lines go."
  value       = module.function.log_group_name
}

output "producer_policy_json" {
  description = "An IAM policy (JSON) that allows sending to this list's queue and nothing else."
  value       = data.aws_iam_policy_document.producer.json
}
