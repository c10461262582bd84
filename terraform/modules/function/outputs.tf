output "function_name" {
  description = "The function's name."
  value       = aws_lambda_function.this.function_name
}

output "alias_name" {
  description = "The alias that points at the newest published (SnapStart) version."
  value       = aws_lambda_alias.live.name
}

output "alias_arn" {
  description = "The alias's ARN: what event source mappings and function URLs should invoke."
  value       = aws_lambda_alias.live.arn
}

output "role_arn" {
  description = "The execution role."
  value       = aws_iam_role.this.arn
}

output "log_group_name" {
  description = "The function's log group."
  value       = aws_cloudwatch_log_group.this.name
}
