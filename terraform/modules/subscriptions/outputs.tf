output "function_url" {
  description = "The preference center's public URL (ends with /)."
  value       = aws_lambda_function_url.this.function_url
}

output "function_name" {
  description = "The subscriptions function."
  value       = module.function.function_name
}

output "role_arn" {
  description = "The function's execution role."
  value       = module.function.role_arn
}
